using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Sms;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The request Kratos's courier sends to the SMS gateway through its http channel (factors spec §10.2, §10.3) and its
/// record in the courier queue: what a team's gateway integration parses. A wrong method, Content-Type or auth is a
/// gateway that refuses every SMS; a body without the code, to the wrong number or of the wrong template is a user who
/// can not sign in.
/// </summary>
public static class SmsChecks
{
    public static readonly CheckDefinition Request = new("sms.request", "the gateway request uses the channel's method, Content-Type (application/json) and basic auth (request/builder.go)", "sms.method", "sms.header.content-type", "sms.header.authorization");
    public static readonly CheckDefinition Body = new("sms.body", "the body is the template's output for Kratos's ctx: recipient, template_type login_code_valid, message_type sms, the SMS text and template_data per version", "sms.body");
    public static readonly CheckDefinition Count = new("sms.count", "exactly one SMS per send reaches the gateway for the number", "sms.body");
    public static readonly CheckDefinition Courier = new("sms.courier", "each SMS has a courier message of type sms, template login_code_valid, to the E.164 number, status sent", "sms.courier");

    /// <summary>The harness's sms profile: PUT, JSON, basic auth kratos-courier:conformance-sms (fixtures/profiles/sms.yml).</summary>
    public static void RequestAsConfigured(Observation o, ReceivedSms sms)
    {
        var auth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("kratos-courier:conformance-sms"));
        var seen = $"{sms.Method} Content-Type={Check.Quote(sms.Header("Content-Type"))} Authorization={Check.Quote(sms.Header("Authorization"))}";
        Check.Verify(o, Request, sms.Method == "PUT" && sms.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true && sms.Header("Authorization") == auth, new FailureText
        {
            Headline = "SMS gateway request not as configured",
            Subject = "the courier's request to the SMS gateway",
            Expectation = "use request_config.method PUT, Content-Type application/json and the basic_auth credentials",
            Why = "factors spec §10.2 (request/builder.go: headers, Content-Type default, auth strategy)",
            Actual = "it was " + seen,
            Expected = "PUT Content-Type=\"application/json\" Authorization=\"" + auth + "\"",
            Observed = seen,
        });
    }

    /// <summary>The body of the sms profile's template <c>{ ctx: ctx, to: ctx.recipient, text: ctx.body }</c>.</summary>
    public static void BodyFor(Observation o, ReceivedSms sms, string phone, SmsExpectations expect)
    {
        var problems = new List<string>();
        void Expect(string path, string? wanted)
        {
            var node = sms.At(path);
            var actual = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString();
            if (!string.Equals(actual, wanted, StringComparison.Ordinal))
            {
                problems.Add($"{path} = {Check.Quote(actual)} (expected {Check.Quote(wanted)})");
            }
        }

        var code = sms.At("ctx.template_data.login_code")?.ToString() ?? string.Empty;
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            problems.Add($"ctx.template_data.login_code = {Check.Quote(code)} (expected six digits)");
        }

        Expect("ctx.recipient", phone);
        Expect("ctx.subject", string.Empty);
        Expect("ctx.template_type", "login_code_valid");
        Expect("ctx.message_type", "sms");
        Expect("ctx.body", expect.Text(code));
        Expect("ctx.template_data.to", phone);
        Expect("to", phone);
        Expect("text", expect.Text(code));
        Expect("ctx.template_data.expires_in_minutes", expect.HasExpiry ? expect.ExpiresInMinutes.ToString(CultureInfo.InvariantCulture) : null);
        if ((sms.At("ctx.request_headers") is not null) != expect.HasRequestHeaders)
        {
            problems.Add(expect.HasRequestHeaders ? "ctx.request_headers is missing (v26.2.0 sends it)" : "ctx.request_headers is present (only v26.2.0 sends it)");
        }

        if (sms.At("ctx.html_body") is not null)
        {
            problems.Add("ctx.html_body is present (emails only)");
        }

        Check.Verify(o, Body, problems.Count == 0, new FailureText
        {
            Headline = "SMS body differs from Kratos's",
            Subject = "the SMS gateway request's body",
            Expectation = $"carry the code for {phone} as Kratos's ctx does at {o.Expect?.Version}",
            Why = "factors spec §10.3 (httpDataModel), §10.4 (sms.body.gotmpl), §10.6",
            Actual = "it had " + Check.List(problems),
            Expected = Check.Quote(expect.Text("<code>")) + " in ctx.body and text, to/recipient " + phone,
            Observed = sms.Body,
        });
    }

    public static void Exactly(Observation o, IReadOnlyList<ReceivedSms> received, int expected, string phone, string why) =>
        Check.Verify(o, Count, received.Count == expected, new FailureText
        {
            Headline = "wrong number of SMS",
            Subject = $"the SMS to {phone}",
            Expectation = $"be exactly {expected.ToString(CultureInfo.InvariantCulture)}",
            Why = why,
            Actual = $"there were {received.Count.ToString(CultureInfo.InvariantCulture)}",
            Expected = expected.ToString(CultureInfo.InvariantCulture),
            Observed = Check.List(received.Select(r => r.ToString())),
        });

    /// <summary>GET /admin/courier/messages?recipient=&lt;E.164&gt; (factors spec §10.3 last paragraph).</summary>
    public static void Recorded(Observation o, IReadOnlyList<CourierMessage> queue, int expected, string phone)
    {
        var shown = Check.List(queue.Select(m => m.Describe()));
        Check.Verify(o, Courier, queue.Count == expected && queue.All(m => m.IsSent && m.TemplateType == "login_code_valid" && m.Recipient == phone), new FailureText
        {
            Headline = "courier record of the SMS differs",
            Subject = $"the courier's sms messages to {phone}",
            Expectation = $"be {expected.ToString(CultureInfo.InvariantCulture)} message(s) of type sms, template login_code_valid, status sent",
            Why = "factors spec §10.3 (courier/sms.go QueueSMS)",
            Actual = "they were " + shown,
            Expected = $"{expected.ToString(CultureInfo.InvariantCulture)} × status=sent template=login_code_valid recipient={phone}",
            Observed = shown,
        });
    }
}
