using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Kratos.Double.Ui;

namespace Kratos.Double.Endpoints;

/// <summary>
/// The aal2 login nodes of TOTP and lookup secrets (selfservice/strategy/{totp,lookup}/login.go PopulateLoginMethod,
/// the same nodes with and without refresh). Each strategy sets the csrf_token node for every flow type, so an API flow
/// carries one too (§2.6). Only enabled strategies hydrate the flow; TOTP needs an active key, lookup any credential.
/// </summary>
internal static class SecondFactorForms
{
    public static List<JsonObject> Login(Runtime rt, Identity identity, string csrfToken)
    {
        var nodes = new List<JsonObject>();
        if (rt.Config.TotpEnabled && identity.Totp is { IsActive: true })
        {
            nodes.Add(Nodes.Csrf(csrfToken));
            nodes.Add(TotpCode());
            nodes.Add(Nodes.Input("totp", "method", "submit", "totp", label: FactorMessages.UseAuthenticator()));
        }

        if (rt.Config.LookupEnabled && identity.Lookup is not null && !(nodes.Count > 0 && rt.Has(DeviationNames.MixedTotpHidesLookup)))
        {
            if (!nodes.Any(n => Nodes.Name(n) == "csrf_token"))
            {
                nodes.Add(Nodes.Csrf(csrfToken));
            }

            nodes.Add(LookupInput());
            nodes.Add(Nodes.Input("lookup_secret", "method", "submit", "lookup_secret", label: FactorMessages.UseLookup()));
        }

        return nodes;
    }

    public static JsonObject TotpCode() =>
        Nodes.Input("totp", "totp_code", "text", required: true, label: FactorMessages.TotpLabel(), emptyValue: true);

    public static JsonObject LookupInput() =>
        Nodes.Input("lookup_secret", "lookup_secret", "text", required: true, label: FactorMessages.LookupLabel(), emptyValue: true);

    /// <summary>
    /// login/error.go WriteFlowError after a TOTP or lookup failure: every message cleared, the strategy's input reset
    /// (value removed: handleLoginError sets it to nil), the error attached to <paramref name="nodeName"/> when given
    /// (else to ui.messages by the caller), the nodes re-sorted.
    /// </summary>
    public static void PrepareError(LoginFlow flow, string inputName, string? nodeName, JsonObject? nodeMessage)
    {
        var nodes = flow.Nodes.Select(n => (JsonObject)n!.DeepClone()).ToList();
        foreach (var node in nodes)
        {
            ((JsonArray)node["messages"]!).Clear();
            if (Nodes.Name(node) == inputName)
            {
                node["attributes"]!.AsObject().Remove("value");
            }

            if (nodeName is not null && nodeMessage is not null && Nodes.Name(node) == nodeName)
            {
                ((JsonArray)node["messages"]!).Add((JsonNode)nodeMessage.DeepClone());
            }
        }

        flow.Nodes = Nodes.Sort(nodes);
        flow.Messages = [];
    }
}
