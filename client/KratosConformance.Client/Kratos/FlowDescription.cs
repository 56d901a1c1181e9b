using System.Globalization;
using System.Text.RegularExpressions;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// One-line descriptions of flows, errors and responses for failure messages (style principle 3): short enough to
/// sit on a "Flow:" or "Request:" line, and saying the things a reader needs: state, requested AAL, message ids, which
/// request produced it. Ids are shortened to their first four characters ("6b1c…"): enough to match them up with
/// the evidence files, short enough to read.
/// </summary>
public static partial class FlowDescription
{
    /// <summary>"state=sent_email requested_aal=aal2 messages=[1010014] (flow 6b1c…)"; refresh and active only when set.</summary>
    public static string Describe(LoginFlow flow)
    {
        var refresh = flow.Refresh ? " refresh=true" : string.Empty;
        var active = flow.Active is null ? string.Empty : $" active={flow.Active}";
        var messages = string.Join(", ", flow.MessageIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return $"state={flow.State} requested_aal={flow.RequestedAal}{refresh}{active} messages=[{messages}] (flow {ShortId(flow.Id)})";
    }

    /// <summary>"error session_aal1_required (401): &lt;reason or message&gt;".</summary>
    public static string Describe(KratosError error)
    {
        var text = error.Reason ?? error.Message;
        var id = error.Id ?? "(no id)";
        return text is null
            ? string.Create(CultureInfo.InvariantCulture, $"error {id} ({error.Code})")
            : string.Create(CultureInfo.InvariantCulture, $"error {id} ({error.Code}): {text}");
    }

    /// <summary>"POST /self-service/login?flow=6b1c… -> 400: state=… " or "… -> 303 Location: …".</summary>
    public static string Describe(KratosResponse response)
    {
        var what = response.Flow is { } f ? Describe(f)
            : response.Error is { } e ? Describe(e)
            : response.Session is { } s ? s.ToString()
            : response.Location is { } l ? $"Location: {ShortenIds(l)}"
            : null;
        return what is null ? response.RequestLine : $"{response.RequestLine}: {what}";
    }

    /// <summary>First four characters of an id and an ellipsis; short ids are kept whole.</summary>
    public static string ShortId(string? id) =>
        string.IsNullOrEmpty(id) ? "(none)" : id.Length <= 6 ? id : id[..4] + "…";

    /// <summary>Shortens the values of flow= and id= query parameters in a path, a URL or a line quoting one.</summary>
    public static string ShortenIds(string pathAndQuery) =>
        IdParameter().Replace(pathAndQuery, m => m.Groups[1].Value + ShortId(Uri.UnescapeDataString(m.Groups[2].Value)));

    [GeneratedRegex(@"([?&](?:flow|id)=)([^&#\s]+)")]
    private static partial Regex IdParameter();
}
