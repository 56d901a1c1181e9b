using System.Text.Json.Nodes;
using KratosConformance.Client.Tests.Kratos;

namespace KratosConformance.Harness.Tests.Ui;

/// <summary>
/// Kratos v26.2.0's own snapshots of browser login flows (selfservice/strategy/code/.snapshots, in
/// fixtures/reference/kratos-snapshots/v26.2.0/code).
/// </summary>
internal static class Snapshots
{
    /// <summary>TestLoginCodeStrategy Browser_client mfa verify_initial_payload_with_fast_login: state sent_email.</summary>
    public const string WithFastLogin = "TestLoginCodeStrategy-test=Browser_client-suite=mfa-case=verify_initial_payload_with_fast_login.json";

    /// <summary>… verify_initial_payload_without_fast_login: choose_method with an address button and TOTP.</summary>
    public const string WithoutFastLogin = "TestLoginCodeStrategy-test=Browser_client-suite=mfa-case=verify_initial_payload_without_fast_login.json";

    /// <summary>The snapshot as a fetch would return it: Kratos's snapshots leave out id, action and the csrf value.</summary>
    public static JsonObject Flow(string file, string id, Uri kratos)
    {
        var path = KratosReference.Snapshot("v26.2.0", "code", file);
        var flow = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        flow["id"] = id;
        flow["ui"]!["action"] = new Uri(kratos, $"self-service/login?flow={id}").AbsoluteUri;
        foreach (var node in flow["ui"]!["nodes"]!.AsArray().OfType<JsonObject>())
        {
            if ((string?)node["attributes"]!["name"] == "csrf_token")
            {
                node["attributes"]!["value"] = "csrf-value-123";
            }
        }

        return flow;
    }
}
