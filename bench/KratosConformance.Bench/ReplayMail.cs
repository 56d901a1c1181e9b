using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Bench;

/// <summary>
/// The floor's way to get a code: the sink's own HTTP API (smtp4dev's /api/messages, or Kratos's courier admin API),
/// polled every 5 ms, the six digits taken from the subject when it carries them (v25.4.0+) and from the text
/// otherwise. It knows nothing of templates, evidence or other mails. It gives up at the same login-code mail deadline
/// as the harness's reader (the run's patience), named when it expires.
/// </summary>
public sealed partial class ReplayMail
{
    private static readonly TimeSpan Tight = TimeSpan.FromMilliseconds(5);
    private readonly HttpClient _http;
    private readonly Uri _smtp4dev;
    private readonly Uri? _courierAdmin;
    private readonly Deadline _deadline;

    private ReplayMail(HttpClient http, Uri smtp4dev, Uri? courierAdmin, Deadline deadline)
    {
        _http = http;
        _smtp4dev = smtp4dev;
        _courierAdmin = courierAdmin;
        _deadline = deadline;
    }

    /// <summary>A replay reader for the sink <paramref name="reader"/> reads, or null with the reason when the floor has no raw path to it.</summary>
    public static ReplayMail? For(IMailboxReader reader, HttpClient http, Deadline mailDeadline, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(mailDeadline);
        reason = null;
        switch (reader)
        {
            case Smtp4devHttpMailbox smtp4dev:
                return new ReplayMail(http, smtp4dev.BaseUrl, null, mailDeadline);
            case CourierApiMailbox courier:
                return new ReplayMail(http, courier.AdminUrl, courier.AdminUrl, mailDeadline);
            default:
                reason = $"the replay reads codes over smtp4dev's HTTP API or the courier admin API; this target's mail is read by {reader.Description}";
                return null;
        }
    }

    /// <summary>The code of the <paramref name="nth"/> mail to <paramref name="recipient"/> (oldest first).</summary>
    public async Task<string> CodeAsync(string recipient, int nth, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _deadline.Limit)
        {
            var code = _courierAdmin is null ? await FromSmtp4devAsync(recipient, nth, ct) : await FromCourierAsync(recipient, nth, ct);
            if (code is not null)
            {
                return code;
            }

            await Task.Delay(Tight, ct);
        }

        throw new BenchFlowException($"expected mail #{nth} to {recipient} within {_deadline.Expired}, but none came");
    }

    private async Task<string?> FromSmtp4devAsync(string recipient, int nth, CancellationToken ct)
    {
        using var page = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_smtp4dev, "api/messages?searchTerms=" + Uri.EscapeDataString(recipient)), ct));
        var mine = page.RootElement.GetProperty("results").EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString()!.Contains(recipient, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.GetProperty("receivedDate").GetDateTimeOffset())
            .ToList();
        if (mine.Count < nth)
        {
            return null;
        }

        var mail = mine[nth - 1];
        if (Code().Match(mail.GetProperty("subject").GetString() ?? string.Empty) is { Success: true } inSubject)
        {
            return inSubject.Value;
        }

        var text = await _http.GetStringAsync(new Uri(_smtp4dev, $"api/messages/{mail.GetProperty("id").GetString()}/plaintext"), ct);
        return Code().Match(text).Value;
    }

    private async Task<string?> FromCourierAsync(string recipient, int nth, CancellationToken ct)
    {
        using var list = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_courierAdmin!, "admin/courier/messages?recipient=" + Uri.EscapeDataString(recipient)), ct));
        var mine = list.RootElement.EnumerateArray().OrderBy(m => m.GetProperty("created_at").GetDateTimeOffset()).ToList();
        return mine.Count < nth ? null : Code().Match(mine[nth - 1].GetProperty("body").GetString() ?? string.Empty).Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}
