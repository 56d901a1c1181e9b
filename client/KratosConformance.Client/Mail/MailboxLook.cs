using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Mail;

/// <summary>One look of a <see cref="MailWait"/>: the recipient's mail, the codes in it, and the courier's view if it was asked.</summary>
internal sealed record MailboxLook(WantedMail Wanted, IReadOnlyList<ReceivedMail> Mails, IReadOnlyList<LoginCodeMail> Codes)
{
    public IReadOnlyList<CourierMessage>? Courier { get; init; }

    public string? CourierProblem { get; init; }

    public bool Satisfied => (Wanted.Template is null ? Mails.Count : Codes.Count) >= Wanted.Count;

    /// <summary>The first mail that is not in the wanted template; null when any mail is wanted.</summary>
    public ReceivedMail? Stray => Wanted.Template is { } template ? Mails.FirstOrDefault(m => !template.TryExtract(m, out _)) : null;

    public static MailboxLook Of(WantedMail wanted, IReadOnlyList<ReceivedMail> mails)
    {
        var codes = wanted.Template is { } template
            ? mails.Select(m => template.TryExtract(m, out var found) ? found : null).OfType<LoginCodeMail>().ToList()
            : [];
        return new MailboxLook(wanted, mails, codes);
    }

    /// <summary>
    /// Adds what Kratos's courier queue says about the recipient. A queue that can not be read does not end the wait:
    /// the mailbox stays the judge, and the problem is reported if the deadline passes.
    /// </summary>
    public async Task<MailboxLook> WithCourierAsync(KratosCourier courier, CancellationToken cancellationToken)
    {
        try
        {
            return this with { Courier = await courier.ListAsync(Wanted.Recipient, lastErrors: true, cancellationToken).ConfigureAwait(false) };
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidDataException or DeadlineExpiredException)
        {
            return this with { CourierProblem = $"{courier.AdminUrl}: {e.Message}" };
        }
    }

    public MailWaitFacts Facts(IMailboxReader reader, int tries, TimeSpan waited) =>
        new(Wanted, reader.Description, tries, waited, Mails, Courier, CourierProblem);
}
