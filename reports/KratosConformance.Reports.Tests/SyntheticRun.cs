using System.Text.Json;
using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Html;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Tests;

/// <summary>
/// Builds run folders as `./kc run` leaves them: results.json plus evidence/&lt;id&gt;/steps.jsonl with Kratos flows as
/// v25.4.0 and v26.2.0 return them for the code-MFA aal2 login.
/// </summary>
internal static class SyntheticRun
{
    public const string OldText1010014 =
        "An email containing a code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.";

    public const string NewText1010014 = "A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the login.";

    public const string ChooseMethodText = "Please complete the second authentication challenge.";

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "kc-reports-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The HTML report of <paramref name="result"/>, rendered over an empty run folder that is removed again.</summary>
    public static string RenderHtml(RunResult result)
    {
        var directory = TempDirectory();
        try
        {
            return HtmlReportWriter.Render(result, directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static TestResult Test(string scenario, string client, TestOutcome outcome, string? message = null) => new()
    {
        Id = $"login.code-mfa.{scenario}.{client}",
        Scenario = scenario,
        Client = client,
        Outcome = outcome,
        DurationMs = 143,
        Message = message,
        Summary = $"{scenario} over {client} (Kratos docs: mfa/code)",
    };

    public static RunResult Result(string version, params TestResult[] tests) => new()
    {
        Run = new RunMetadata
        {
            RunId = "20261128-181500-" + (version == "v25.4.0" ? "aa25" : "bb26"),
            KratosVersion = version,
            KratosImage = "oryd/kratos:" + version,
            Target = "inprocess",
            MailAccess = "double",
            StartedAt = new DateTimeOffset(2026, 11, 28, 18, 15, 0, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2026, 11, 28, 18, 16, 3, TimeSpan.Zero),
            HarnessVersion = "0.1.0",
        },
        Tests = tests,
    };

    /// <summary>v25.4.0: the aal2 flow asks to choose a method (1010004); posting the address sends the code (400 sent_email).</summary>
    public static string WriteV25(string directory)
    {
        var result = Result("v25.4.0",
            Test("aal2", "spa", TestOutcome.Passed),
            Test("aal2", "browser", TestOutcome.Passed),
            Test("wrong-code", "browser", TestOutcome.Failed,
                "login.code-mfa.wrong-code / browser — message 4010008 missing\nExpected ui.messages to contain 4010008, but found [1010014]."),
            Test("whoami-aal1", "native", TestOutcome.NotApplicable, "not applicable: whoami-aal1 overlay not configured"));
        WriteSteps(directory, "login.code-mfa.aal2.spa", AalSteps(v26: false));
        WriteSteps(directory, "login.code-mfa.aal2.browser", AalSteps(v26: false));
        WriteSteps(directory, "login.code-mfa.wrong-code.browser", AalSteps(v26: false));
        Save(directory, result);
        return directory;
    }

    /// <summary>v26.2.0: creating the aal2 flow sends the code itself and returns sent_email (200) with the new 1010014 text.</summary>
    public static string WriteV26(string directory)
    {
        var result = Result("v26.2.0",
            Test("aal2", "spa", TestOutcome.Passed),
            Test("aal2", "browser", TestOutcome.Passed),
            Test("wrong-code", "browser", TestOutcome.Passed),
            Test("resend", "native", TestOutcome.Passed));
        WriteSteps(directory, "login.code-mfa.aal2.spa", AalSteps(v26: true));
        WriteSteps(directory, "login.code-mfa.aal2.browser", AalSteps(v26: true));
        WriteSteps(directory, "login.code-mfa.wrong-code.browser", AalSteps(v26: true));
        Save(directory, result);
        return directory;
    }

    public static void Save(string directory, RunResult result) =>
        File.WriteAllText(Path.Combine(directory, "results.json"), ResultsJsonWriter.Render(EvidenceIndex.Attach(result, directory)));

    public static void WriteSteps(string directory, string testId, IEnumerable<EvidenceStep> steps)
    {
        var evidence = Path.Combine(directory, "evidence", testId);
        Directory.CreateDirectory(evidence);
        File.WriteAllLines(Path.Combine(evidence, "steps.jsonl"), steps.Select(s => JsonSerializer.Serialize(s, EvidenceJson.Options)));
        File.WriteAllText(Path.Combine(evidence, "0001-post-self-service-login.txt"), "POST /self-service/login\nCookie: ory_kratos_session=***\n");
    }

    public static List<EvidenceStep> AalSteps(bool v26)
    {
        var seq = 0;
        var flowId = Guid.NewGuid().ToString();
        var steps = new List<EvidenceStep>
        {
            Note(++seq, "sign in with password"),
            Http(++seq, "POST", $"http://127.0.0.1:4433/self-service/login?flow={Guid.NewGuid()}",
                "{\"method\":\"password\",\"identifier\":\"u@example.org\",\"password\":\"***\",\"csrf_token\":\"***\"}",
                200, "{\"session_token\":\"ory_st_***\",\"session\":{\"id\":\"" + Guid.NewGuid() + "\",\"note\":\"<script>alert(1)</script>\"}}", null),
            Note(++seq, "create aal2 flow"),
            Http(++seq, "GET", "http://127.0.0.1:4433/self-service/login/api?aal=aal2", null, 200, "{\"id\":\"" + flowId + "\"}",
                v26 ? Flow(flowId, "sent_email", (1010014, "A code has been sent to u" + seq + "@example.org. " + NewText1010014), CodeNodes)
                    : Flow(flowId, "choose_method", (1010004, ChooseMethodText), AddressNodes)),
        };
        if (!v26)
        {
            steps.Add(Note(++seq, "send code"));
            steps.Add(Http(++seq, "POST", $"http://127.0.0.1:4433/self-service/login?flow={flowId}",
                "{\"method\":\"code\",\"address\":\"u@example.org\",\"csrf_token\":\"***\"}", 400, "{\"id\":\"" + flowId + "\"}",
                Flow(flowId, "sent_email", (1010014, OldText1010014), CodeNodes)));
        }

        steps.Add(new EvidenceStep
        {
            Seq = ++seq, Kind = EvidenceKind.Mail, Title = "mail to u@example.org",
            Mail = new MailEvidence { To = ["u@example.org"], Subject = "Login code", Body = "Your code: ******", Code = "******", Reader = "double" },
        });
        steps.Add(new EvidenceStep
        {
            Seq = ++seq, Kind = EvidenceKind.Check, Title = "✓ flow.state: the flow's state to be sent_email",
            Check = new CheckEvidence
            {
                Id = "flow.state", Outcome = CheckOutcome.Passed, Condition = "the flow's state to be sent_email", Why = "the code was sent, spec §2.4",
                Situation = "after pressing the address button", Observed = "sent_email", Fields = ["loginFlow.state"],
            },
        });
        steps.Add(Note(++seq, "submit code"));
        steps.Add(Http(++seq, "POST", $"http://127.0.0.1:4433/self-service/login?flow={flowId}",
            "{\"method\":\"code\",\"code\":\"******\",\"csrf_token\":\"***\"}", 200, "{\"session\":{\"aal\":\"aal2\"}}", null));
        steps.Add(new EvidenceStep { Seq = ++seq, Kind = EvidenceKind.Log, Title = "kratos log", Text = "level=info msg=\"Identity authenticated\"" });
        return steps;
    }

    private static readonly string[] AddressNodes = ["default/csrf_token/hidden", "code/address/submit:1010023"];
    private static readonly string[] CodeNodes = ["default/csrf_token/hidden", "code/code/input:1070012", "code/method/submit:1070005"];

    private static FlowEvidence Flow(string id, string state, (long Id, string Text) message, string[] nodes) => new()
    {
        Id = id,
        State = state,
        RequestedAal = "aal2",
        MessageIds = [message.Id],
        MessageTexts = [message.Text],
        Nodes = nodes,
        Json = "{\"id\":\"" + id + "\",\"state\":\"" + state + "\",\"ui\":{\"nodes\":[{\"attributes\":{\"name\":\"csrf_token\",\"value\":\"***\"}}]}}",
    };

    private static EvidenceStep Note(int seq, string title) => new() { Seq = seq, Kind = EvidenceKind.Note, Title = title };

    private static EvidenceStep Http(int seq, string method, string url, string? body, int status, string response, FlowEvidence? flow) => new()
    {
        Seq = seq,
        Kind = EvidenceKind.Http,
        Title = $"{method} {url.Split('?')[0].Replace("http://127.0.0.1:4433", "", StringComparison.Ordinal)} -> {status}",
        At = DateTimeOffset.UtcNow,
        Http = new HttpEvidence
        {
            Method = method,
            Url = url,
            RequestHeaders = new Dictionary<string, string> { ["Cookie"] = "csrf_token_abc=***", ["Accept"] = "application/json" },
            RequestBody = body,
            Status = status,
            ResponseHeaders = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            ResponseBody = response,
        },
        Flow = flow,
    };
}
