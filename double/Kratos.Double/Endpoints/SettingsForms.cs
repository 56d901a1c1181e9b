using System.Text.Json;
using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Kratos.Double.Ui;

namespace Kratos.Double.Endpoints;

/// <summary>
/// settings handler.go NewFlow: every enabled strategy's PopulateSettingsMethod, then sort.go. Profile: one input per
/// trait (container.NodesFromJSONSchema: email format → type email + autocomplete email, numbers → number, booleans →
/// checkbox, required from the schema, the title as label 1070002), the identity's values, method=profile "Save".
/// Password: password (new-password, required, 1070001), method=password "Save". TOTP: unlink, or a new key kept in the
/// internal context with QR image, secret text, totp_code and method=totp. Lookup: reveal + disable, or regenerate.
/// Each strategy sets csrf_token (empty for API flows, whose init route the CSRF handler ignores).
/// </summary>
internal static class SettingsForms
{
    public static void Populate(Runtime rt, Identity identity, SettingsFlow flow)
    {
        var csrf = flow.CsrfToken ?? string.Empty;
        var nodes = new List<JsonObject> { Nodes.Csrf(csrf) };
        var context = new JsonObject();
        if (rt.Config.ProfileEnabled)
        {
            nodes.AddRange(Profile(rt, identity));
        }

        if (rt.Config.PasswordEnabled)
        {
            nodes.Add(Nodes.Input("password", "password", "password", required: true, label: Messages.LabelPassword(), autocomplete: "new-password"));
            nodes.Add(Nodes.Input("password", "method", "submit", "password", label: FactorMessages.Save()));
        }

        if (rt.Config.TotpEnabled)
        {
            nodes.AddRange(Totp(rt, identity, context));
        }

        if (rt.Config.LookupEnabled)
        {
            nodes.AddRange(identity.Lookup is { IsActive: true }
                ? [FactorNodes.Button("lookup_secret", "lookup_secret_reveal", FactorMessages.RevealLookup()), FactorNodes.Button("lookup_secret", "lookup_secret_disable", FactorMessages.DisableLookup())]
                : [FactorNodes.Button("lookup_secret", "lookup_secret_regenerate", FactorMessages.RegenerateLookup())]);
        }

        nodes.AddRange(WebAuthnForms.Settings(rt, identity, flow, context));
        flow.Nodes = Sort(rt, nodes);
        flow.InternalContext = context;
    }

    public static JsonArray Sort(Runtime rt, IEnumerable<JsonObject> nodes) =>
        NodeSort.Settings(nodes, rt.Config.Schema.Traits.Select(t => "traits." + t.Name));

    private static List<JsonObject> Totp(Runtime rt, Identity identity, JsonObject context)
    {
        if (identity.Totp is { IsActive: true })
        {
            return [FactorNodes.Button("totp", "totp_unlink", FactorMessages.UnlinkTotp(), required: true)];
        }

        var account = rt.Config.Schema.Traits.Where(t => t.TotpAccountName).Select(t => identity.Traits[t.Name]?.ToString()).FirstOrDefault(v => !string.IsNullOrEmpty(v))
            ?? identity.Id.ToString();
        var url = TotpKey.NewUrl(rt.Config.TotpIssuer, account);
        var secret = TotpKey.Secret(url);
        context["totp"] = new JsonObject { ["url"] = url };
        return
        [
            FactorNodes.Image("totp", "totp_qr", TotpKey.QrDataUri(url), 256, 256, FactorMessages.TotpQr()),
            FactorNodes.Text("totp", "totp_secret_key", FactorMessages.TotpSecret(secret), FactorMessages.TotpSecretLabel()),
            Nodes.Input("totp", "totp_code", "text", required: true, label: FactorMessages.VerifyCode()),
            Nodes.Input("totp", "method", "submit", "totp", label: FactorMessages.Save()),
        ];
    }

    private static IEnumerable<JsonObject> Profile(Runtime rt, Identity identity)
    {
        foreach (var trait in rt.Config.Schema.Traits)
        {
            var (type, autocomplete) = trait switch
            {
                { Format: "email" } => ("email", "email"),
                { Format: "tel" } => ("tel", "tel"),
                { Format: "date" } => ("date", (string?)null),
                { Format: "uri" } => ("url", null),
                { JsonType: "number" or "integer" } => ("number", null),
                { JsonType: "boolean" } => ("checkbox", null),
                _ => ("text", null),
            };
            var value = identity.Traits[trait.Name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : identity.Traits[trait.Name]?.ToJsonString();
            var label = trait.Title is { } title ? Messages.LabelGenerated(title, "traits." + trait.Name, rt.Config) : null;
            var node = Nodes.Input("profile", "traits." + trait.Name, type, value, required: rt.Config.Schema.RequiredTraits.Contains(trait.Name), label: label, autocomplete: autocomplete);
            if (identity.Traits[trait.Name] is { } raw && raw.GetValueKind() is not JsonValueKind.String)
            {
                node["attributes"]!["value"] = raw.DeepClone();
            }

            yield return node;
        }

        yield return Nodes.Input("profile", "method", "submit", "profile", label: FactorMessages.Save());
    }
}
