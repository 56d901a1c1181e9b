using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Kratos.Double.Ui;

namespace Kratos.Double.Endpoints;

/// <summary>The node sets the login hydrators render (password strategy_login.go, code strategy.go populateEmailSentFlow).</summary>
internal static class LoginForms
{
    /// <summary>
    /// The password strategy's aal1 hydrators (password/login.go PopulateLoginMethodFirstFactor[Refresh], the same at
    /// v1.3.1, v25.4.0 and v26.2.0). Each sets the csrf_token node itself, for every flow type: API flows get the token
    /// nosurf hands an ignored route without a cookie, an empty string. The identifier input carries no autocomplete:
    /// Kratos sets one only on the password input (current-password).
    /// </summary>
    public static List<JsonObject> PasswordFirstFactor(Runtime rt, Identity? refreshIdentity, string csrfToken)
    {
        var nodes = new List<JsonObject> { Nodes.Csrf(csrfToken) };
        if (refreshIdentity is not null)
        {
            // Refresh: the session identity's identifier, hidden and not required, and the submit button says "Sign in".
            nodes.Add(Nodes.Input("default", "identifier", "hidden", refreshIdentity.PasswordIdentifiers.FirstOrDefault() ?? string.Empty));
            nodes.Add(Nodes.Input("password", "password", "password", required: true, label: Messages.LabelPassword(), autocomplete: "current-password"));
            nodes.Add(Nodes.Input("password", "method", "submit", "password", label: Messages.SignIn()));
            return nodes;
        }

        nodes.Add(Nodes.Input("default", "identifier", "text", string.Empty, required: true, label: IdentifierLabel(rt)));
        nodes.Add(Nodes.Input("password", "password", "password", required: true, label: Messages.LabelPassword(), autocomplete: "current-password"));
        nodes.Add(Nodes.Input("password", "method", "submit", "password", label: Messages.SignInWithPassword()));
        return nodes;
    }

    /// <summary>
    /// login/extension_identifier_label.go: 1070002 with the title of the one trait that names the identifier, else
    /// 1070004 "ID". From v25.4.0 every such trait counts and the one must have a title; up to v1.3.1 only titled traits
    /// count (docs/kratos-facts.md).
    /// </summary>
    private static JsonObject IdentifierLabel(Runtime rt)
    {
        var identifiers = rt.Config.Schema.Traits
            .Where(t => t.NamesIdentifier && (rt.Config.IsAtLeast(EmulatedVersion.V25_4_0) || !string.IsNullOrEmpty(t.Title)))
            .ToList();
        return identifiers is [{ Title: { Length: > 0 } title } trait]
            ? Messages.LabelGenerated(title, "traits." + trait.Name, rt.Config)
            : Messages.LabelId();
    }

    public static JsonObject AddressButton(Runtime rt, string address) =>
        Nodes.Input("code", "address", "submit", address, label: CodeLabel(rt, address));

    private static JsonObject? CodeLabel(Runtime rt, string address)
    {
        // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
        return rt.Has(DeviationNames.AddressLabelMissing) ? null : Nodes.CodeLabel(address);
    }

    /// <summary>populateEmailSentFlow: every method group cleared, then these nodes in this order (not re-sorted).</summary>
    public static JsonArray SentEmail(Runtime rt, LoginFlow flow, string address)
    {
        var label = CodeLabel(rt, address);
        var nodes = new JsonArray
        {
            (JsonNode)Nodes.Input("code", "identifier", "hidden", address, label: label),
            (JsonNode)Nodes.Input("code", "method", "hidden", "code"),
            (JsonNode)Nodes.Input("code", "code", "text", required: true, label: Messages.LabelLoginCode()),
            (JsonNode)Nodes.Input("code", "method", "submit", "code", label: Messages.LabelContinue()),
            (JsonNode)Nodes.Input("code", "resend", "submit", "code", label: Messages.LabelResend()),
        };
        if (flow.IsBrowser && flow.CsrfToken is not null)
        {
            nodes.Add((JsonNode)Nodes.Csrf(flow.CsrfToken));
        }

        return nodes;
    }

    /// <summary>
    /// HandleLoginError(…, hideIdentifier=true) after an error in sent_email: a hidden default-group identifier without
    /// label replaces the code-group one, then the nodes are re-sorted (csrf_token, identifier, code nodes). Its value is
    /// what the submission named (strategy_login.go HandleLoginError), "" when it named nothing: not the address the
    /// code went to.
    /// </summary>
    public static void HideIdentifier(LoginFlow flow, string value)
    {
        var kept = flow.Nodes.Select(n => (JsonObject)n!.DeepClone()).Where(n => Nodes.Name(n) != "identifier").ToList();
        kept.Add(Nodes.Input("default", "identifier", "hidden", value));
        flow.Nodes = Nodes.Sort(kept);
    }
}
