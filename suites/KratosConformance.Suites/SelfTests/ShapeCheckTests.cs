using System.Text.Json.Nodes;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using KratosConformance.Reports.Evidence;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.SelfTests;

/// <summary>
/// response.documented: a key Kratos does not document, and an item of an array of documented objects that is not an
/// object (`"messages": [null]`), are findings; a flow of documented keys passes.
/// </summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class ShapeCheckTests
{
    [Test]
    public void A_flow_of_documented_keys_passes()
    {
        var (o, evidence) = Observed(Flow(new JsonArray()));

        ShapeChecks.OnlyDocumentedFields(o);

        Assert.That(evidence.Steps.Select(s => s.Check!.Outcome), Is.EqualTo(new[] { CheckOutcome.Passed }));
    }

    [Test]
    public void A_null_message_is_an_ill_typed_field()
    {
        var (o, _) = Observed(Flow(new JsonArray((JsonNode?)null)));

        var failure = Assert.Throws<ConformanceCheckException>(() => ShapeChecks.OnlyDocumentedFields(o))!;

        Assert.That(failure.Failure.CheckId, Is.EqualTo("response.documented"));
        Assert.That(failure.Message, Does.Contain("uiContainer.messages[0] = null (not an object)"));
    }

    [Test]
    public void An_undocumented_key_is_named()
    {
        var flow = Flow(new JsonArray());
        flow["ui"]!["invented"] = true;
        var (o, _) = Observed(flow);

        var failure = Assert.Throws<ConformanceCheckException>(() => ShapeChecks.OnlyDocumentedFields(o))!;

        Assert.That(failure.Message, Does.Contain("uiContainer.invented"));
    }

    private static JsonObject Flow(JsonArray messages) => new()
    {
        ["id"] = "6b1c2d3e-0000-4000-8000-000000000000",
        ["state"] = "choose_method",
        ["ui"] = new JsonObject { ["action"] = "http://127.0.0.1/self-service/login?flow=6b1c2d3e-0000-4000-8000-000000000000", ["method"] = "POST", ["nodes"] = new JsonArray(), ["messages"] = messages },
    };

    private static (Observation Observation, EvidenceRecorder Evidence) Observed(JsonObject body)
    {
        var evidence = EvidenceRecorder.Discarding();
        var response = new KratosResponse { Status = 400, RequestLine = "POST /self-service/login?flow=6b1c… -> 400", Body = body, Flow = LoginFlow.Parse(body) };
        return (new Observation("login.code-mfa.address-errors.spa", "after submitting method=code without an address", response) { Log = new CheckLog(evidence) }, evidence);
    }
}
