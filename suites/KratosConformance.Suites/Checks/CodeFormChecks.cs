using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The two screens of code MFA as the spec tabulates them: choose_method with one address button per code address
/// (spec §2.6, v1.3.0+) and sent_email with the code form (spec §2.9). A login UI renders these nodes, so each row of
/// the spec's tables is one node check.
/// </summary>
public static class CodeFormChecks
{
    /// <summary>choose_method (spec §2.6): the given messages, an address submit labelled 1010023 with {address, channel}, csrf for browser flows.</summary>
    public static void ChooseMethod(Observation o, ClientStyle style, string address, IReadOnlyList<long> messages, string messagesWhy)
    {
        FlowChecks.State(o, "choose_method", "a new aal2 flow waits for an address to be chosen, spec §2.4");
        MessageChecks.ExactlyIds(o, messages, messagesWhy);
        NodeChecks.Present(o, AddressButton(address), "one address button per code address, spec §2.6 (a)");
        Csrf(o, style, "spec §2.6 row 1");
        var buttons = FlowChecks.Flow(o).FindNodes("code", "address", "submit").Select(n => n.Triple);
        NodeChecks.Order(o, [.. CsrfFirst(style), .. buttons], "csrf_token first (default group), then the address buttons: sort.go group order, spec §2.3, §2.6");
    }

    /// <summary>The sent_email form in the order populateEmailSentFlow builds it, not re-sorted (spec §2.9 table).</summary>
    public static IReadOnlyList<string> SentEmailOrder(ClientStyle style) =>
        ["code/identifier/hidden", "code/method/hidden", "code/code/text", "code/method/submit", "code/resend/submit", .. CsrfFirst(style)];

    /// <summary>After an error in sent_email: csrf_token and the default-group identifier first, then the code nodes (spec §2.11).</summary>
    public static IReadOnlyList<string> AfterErrorOrder(ClientStyle style) =>
        [.. CsrfFirst(style), "default/identifier/hidden", "code/method/hidden", "code/code/text", "code/method/submit", "code/resend/submit"];

    private static IReadOnlyList<string> CsrfFirst(ClientStyle style) => style == ClientStyle.Native ? [] : ["default/csrf_token/hidden"];

    /// <summary>sent_email (spec §2.9): active code, the version's code-sent message, and the six nodes of the table.</summary>
    public static void SentEmail(Observation o, ClientStyle style, string address, VersionExpectations expect)
    {
        FlowChecks.State(o, "sent_email", "the code was sent, spec §2.4");
        FlowChecks.Active(o, "code");
        // The ids, then (inside) each message's text and type for this version (spec §1.1).
        MessageChecks.ExactlyIds(o, [expect.CodeSentMessageId], $"the code-sent info of Kratos {expect.Version}, spec §2.9");
        NodeChecks.Present(o, new NodeExpectation("code", "identifier", "hidden")
        {
            Value = address,
            LabelId = 1010023,
            LabelContext = new Dictionary<string, string> { ["address"] = address, ["channel"] = "email" },
            Autocomplete = string.Empty,
        }, "the chosen address, carrying the address button's label, spec §2.9 row 1");
        NodeChecks.Present(o, new NodeExpectation("code", "method", "hidden") { Value = "code" }, "spec §2.9 row 2");
        NodeChecks.Present(o, new NodeExpectation("code", "code", "text") { Required = true, LabelId = 1070013, Autocomplete = expect.CodeInputAutocomplete }, "the code input, spec §2.9 row 3 (autocomplete one-time-code only after v26.2.0, §7)");
        NodeChecks.Present(o, new NodeExpectation("code", "method", "submit") { Value = "code", LabelId = 1070009 }, "the continue button, spec §2.9 row 4");
        NodeChecks.Present(o, new NodeExpectation("code", "resend", "submit") { Value = "code", LabelId = 1070008 }, "the resend button, spec §2.9 row 5");
        Csrf(o, style, "spec §2.9 row 6");
        NodeChecks.Order(o, SentEmailOrder(style), "populateEmailSentFlow's order, not re-sorted, spec §2.9");
    }

    /// <summary>The address button of spec §2.6 (a): value = the address, label 1010023 with context {address, channel: email}.</summary>
    public static NodeExpectation AddressButton(string address, string channel = "email") => new("code", "address", "submit")
    {
        Value = address,
        LabelId = 1010023,
        LabelContext = new Dictionary<string, string> { ["address"] = address, ["channel"] = channel },
    };

    /// <summary>Browser flows (browser and SPA) carry a required hidden csrf_token; API flows have none (spec §2.6 row 1, §3 CSRF).</summary>
    public static void Csrf(Observation o, ClientStyle style, string section)
    {
        if (style == ClientStyle.Native)
        {
            NodeChecks.Absent(o, "default", "csrf_token", "hidden", "API flows have no csrf node, " + section);
        }
        else
        {
            NodeChecks.Present(o, new NodeExpectation("default", "csrf_token", "hidden") { Required = true }, "browser flows carry the CSRF token, " + section);
        }
    }

    /// <summary>
    /// The forms whose hydrators set the CSRF node whatever the flow type (the password form of aal1, the TOTP and
    /// backup-code forms of aal2: <c>sr.UI.SetCSRF(s.d.GenerateCSRFToken(r))</c>) carry a required hidden csrf_token on
    /// every client; an API flow's is empty, the token nosurf gives a request on a route its handler ignores
    /// (docs/kratos-facts.md "Every aal1 password flow has a csrf_token node").
    /// </summary>
    public static void CsrfWhateverTheType(Observation o, ClientStyle style, string why)
    {
        if (style == ClientStyle.Native)
        {
            NodeChecks.Present(o, new NodeExpectation("default", "csrf_token", "hidden") { Required = true, Value = string.Empty }, "an API flow carries the CSRF node with no token: " + why);
        }
        else
        {
            NodeChecks.Present(o, new NodeExpectation("default", "csrf_token", "hidden") { Required = true }, "a browser flow carries the CSRF token: " + why);
        }
    }
}
