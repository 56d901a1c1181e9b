using System.Text.Json.Nodes;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The WebAuthn trigger buttons of the page under test (factors spec §5.4, §5.5): found like any node, by name and
/// value, where the value is the options JSON of the flow the page shows (read alongside it, <see cref="BrowserKratos"/>).
/// </summary>
public sealed partial class LoginUi
{
    /// <summary>
    /// The trigger <paramref name="nodeName"/> (selector-map element <paramref name="element"/>) of the flow the page
    /// shows, and the options it carries; fails in the house format when the flow has no such trigger.
    /// </summary>
    public async Task<(NodeTarget Target, JsonObject Options)> WebAuthnTriggerAsync(string element, string nodeName, string situation, string why)
    {
        var flow = await ShownFlowAsync();
        var value = flow?.Ui.Nodes.FirstOrDefault(n => n.Group == "webauthn" && n.Name == nodeName && n.InputType == "button")?.Value;
        var options = value is { Length: > 0 } ? JsonNode.Parse(value) as JsonObject : null;
        if (options is null)
        {
            await _fail.ThrowAsync($"{element} missing", "Kratos's flow", $"carry the {nodeName} button with its options JSON as value ({why})", situation,
                $"the flow the page shows ({flow?.Id ?? "none"}) has {(value is null ? "no such button" : "a value that is not a JSON object")}", nodeName + "=<options JSON>", value ?? "(none)");
        }

        return (NodeTarget.WebAuthnTrigger(element, nodeName, value!), options!);
    }

    /// <summary>Fails in the house format when a virtual authenticator does not hold what the page made it create.</summary>
    public async Task ExpectAuthenticatorHoldsAsync(int expected, int held, string situation, string why)
    {
        if (held != expected)
        {
            await _fail.ThrowAsync("authenticator holds other keys", "Chromium's virtual authenticator", $"hold {expected} key(s) ({why})", situation,
                $"it held {held}", expected.ToString(System.Globalization.CultureInfo.InvariantCulture), held.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "webauthn.js must call navigator.credentials.create with the trigger's options when the button is pressed");
        }
    }
}
