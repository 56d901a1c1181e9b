using System.Text.Json.Nodes;
using KratosConformance.Suites.Coverage;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Every property of a body the suites receive is one Kratos documents for that object (its OpenAPI schema, as the
/// field-coverage table lists it): a renamed or invented key breaks Ory's generated clients, which drop or refuse it,
/// even when every value a check reads is right. The walk knows the nesting of flows, nodes, messages, sessions,
/// identities, login results and errors, settings flows with their image and text nodes, recovery flows with their
/// continue_with; free-form objects (traits,
/// metadata, a message's context, error details)
/// are not descended into.
/// </summary>
public static class ShapeChecks
{
    public static readonly CheckDefinition Documented = new("response.documented", "every property of the body is one Kratos documents for that object, and an array of such objects holds objects only (OpenAPI schemas of v26.2.0)");

    /// <summary>The body of <paramref name="o"/>'s response (a flow, session, login result or error) has only documented keys.</summary>
    public static void OnlyDocumentedFields(Observation o)
    {
        var body = o.Response.Body as JsonObject;
        var followUp = o.Response.FollowUp?.Body as JsonObject;
        var unknown = new List<string>();
        Walk(body, Kind(body), unknown);
        Walk(followUp, Kind(followUp), unknown);
        Check.Verify(o, Documented, unknown.Count == 0, new FailureText
        {
            Headline = "undocumented or ill-typed field(s) " + string.Join(", ", unknown.Take(3)),
            Subject = "the response body",
            Expectation = "carry only fields Kratos documents, arrays of objects holding objects only",
            Why = "the OpenAPI schemas of Kratos v26.2.0 (field-coverage.tsv); clients generated from them drop or refuse the rest",
            Actual = "it carried " + Check.List(unknown),
            Expected = "(no undocumented field)",
            Observed = unknown.Count == 0 ? "(no undocumented field)" : Check.List(unknown),
        });
    }

    private static string? Kind(JsonObject? body) => body switch
    {
        null => null,
        _ when body["ui"] is JsonObject && body["state"] is not null && body["identity"] is JsonObject && body["requested_aal"] is null => "settingsFlow",
        _ when body["ui"] is JsonObject && body["state"] is not null && ((string?)body["request_url"])?.Contains("/self-service/recovery/", StringComparison.Ordinal) == true => "recoveryFlow",
        _ when body["ui"] is JsonObject && body["state"] is not null => "loginFlow",
        _ when body["error"] is JsonObject && body["id"] is not null => "flowError",
        _ when body["error"] is JsonObject && body["redirect_browser_to"] is not null => "errorBrowserLocationChangeRequired",
        _ when body["error"] is JsonObject && body["use_flow_id"] is not null => "selfServiceFlowExpiredError",
        _ when body["error"] is JsonObject => "errorGeneric",
        _ when body["session"] is JsonObject => "successfulNativeLogin",
        _ when body["authenticator_assurance_level"] is not null => "session",
        _ when body["schema_id"] is not null && body["traits"] is not null => "identity",
        _ => null,
    };

    private static void Walk(JsonObject? node, string? schema, List<string> unknown)
    {
        if (node is null || schema is null)
        {
            return;
        }

        foreach (var (key, value) in node)
        {
            var field = schema + "." + key;
            if (!DocumentedFields.All.Contains(field))
            {
                unknown.Add(field);
                continue;
            }

            foreach (var (child, item) in Children(field, value))
            {
                Walk(item, child, unknown);
            }

            // An array of documented objects holds objects only: `[null]` for "no messages" parses as one message
            // in a generated client, or throws there.
            if (value is JsonArray array && SchemaOf(field, value) is not null)
            {
                unknown.AddRange(array.Select((item, i) => (item, i)).Where(x => x.item is not JsonObject).Select(x => $"{field}[{x.i}] = {x.item?.ToJsonString() ?? "null"} (not an object)"));
            }
        }
    }

    // Which schema a documented field's object (or array items) is; free-form objects have none.
    private static string? SchemaOf(string field, JsonNode? value) =>
        field switch
        {
            "loginFlow.ui" or "settingsFlow.ui" or "recoveryFlow.ui" => "uiContainer",
            "recoveryFlow.continue_with" => "continueWith",
            "continueWithSettingsUi.flow" => "continueWithSettingsUiFlow",
            "settingsFlow.identity" => "identity",
            "settingsFlow.continue_with" => "continueWithRedirectBrowserTo",
            "uiNodeTextAttributes.text" => "uiText",
            "uiContainer.nodes" => "uiNode",
            "uiContainer.messages" or "uiNode.messages" or "uiNodeMeta.label" => "uiText",
            "uiNode.attributes" => (string?)(value as JsonObject)?["node_type"] switch
            {
                "img" => "uiNodeImageAttributes",
                "text" => "uiNodeTextAttributes",
                "script" => "uiNodeScriptAttributes",
                _ => "uiNodeInputAttributes",
            },
            "uiNode.meta" => "uiNodeMeta",
            "successfulNativeLogin.session" => "session",
            "successfulNativeLogin.continue_with" => "continueWithRedirectBrowserTo",
            "session.identity" => "identity",
            "session.authentication_methods" => "sessionAuthenticationMethod",
            "session.devices" => "sessionDevice",
            "identity.verifiable_addresses" => "verifiableIdentityAddress",
            "identity.recovery_addresses" => "recoveryIdentityAddress",
            "errorGeneric.error" or "flowError.error" or "errorBrowserLocationChangeRequired.error" or "selfServiceFlowExpiredError.error" => "genericError",
            _ => null,
        };

    private static IEnumerable<(string Schema, JsonObject? Node)> Children(string field, JsonNode? value)
    {
        var schema = SchemaOf(field, value);
        if (schema is null)
        {
            yield break;
        }

        if (value is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                // A recovery's continue_with: each item's schema by its action (continueWith's discriminator).
                if (schema == "continueWith")
                {
                    yield return ((string?)item["action"] switch
                    {
                        "show_settings_ui" => "continueWithSettingsUi",
                        "set_ory_session_token" => "continueWithSetOrySessionToken",
                        "redirect_browser_to" => "continueWithRedirectBrowserTo",
                        var other => "continueWith(" + other + ")",
                    }, item);
                    continue;
                }

                // continue_with holds one of several schemas; only redirect_browser_to is in the table.
                if (schema != "continueWithRedirectBrowserTo" || (string?)item["action"] == "redirect_browser_to")
                {
                    yield return (schema, item);
                }
            }
        }
        else if (value is JsonObject obj)
        {
            yield return (schema, obj);
        }
    }
}
