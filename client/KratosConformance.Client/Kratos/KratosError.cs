using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// A Kratos error: the herodot envelope <c>{"error":{id,code,status,reason,message,details}}</c> of a JSON response,
/// or the stored error read from <c>/self-service/errors?id=</c> after a browser was sent to the error UI. Suites
/// assert on <see cref="Id"/> and <see cref="Code"/>; <see cref="RedirectBrowserTo"/> is read from the top level
/// (errors that enhance their JSON put it there, spec §1.6) or from details.
/// </summary>
public sealed record KratosError
{
    /// <summary>error.id, e.g. session_aal1_required; Kratos leaves it out for some errors (e.g. whoami 401).</summary>
    public string? Id { get; init; }
    public int Code { get; init; }
    public string? Status { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
    public JsonObject? Details { get; init; }
    public string? RedirectBrowserTo { get; init; }
    public JsonObject Raw { get; init; } = [];

    public static bool LooksLikeError(JsonNode? node) => node is JsonObject o && o["error"] is JsonObject;

    public static KratosError Parse(JsonObject json)
    {
        var raw = KratosJson.Copy(json);
        var error = KratosJson.Obj(raw, "error") ?? raw;
        var details = KratosJson.Obj(error, "details");
        return new KratosError
        {
            Id = KratosJson.Str(error, "id"),
            Code = (int)KratosJson.Long(error, "code"),
            Status = KratosJson.Str(error, "status"),
            Reason = KratosJson.Str(error, "reason"),
            Message = KratosJson.Str(error, "message"),
            Details = details,
            RedirectBrowserTo = KratosJson.Str(raw, "redirect_browser_to") ?? KratosJson.Str(details, "redirect_browser_to"),
            Raw = raw,
        };
    }

    public static KratosError? TryParse(JsonNode? node) => LooksLikeError(node) ? Parse((JsonObject)node!) : null;

    public override string ToString() => FlowDescription.Describe(this);
}
