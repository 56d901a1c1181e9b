using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The OpenAPI check must refuse values outside Kratos's enums: Ory's generated clients decode them strictly, and the
/// double once sent autocomplete "username" on the identifier input, which no Kratos v1.3.1–v26.2.0 emits (ui/node
/// attributes.go lists email, tel, url, current-password, new-password, one-time-code and, from v25.4.0,
/// "username webauthn") and which @ory/kratos-client rejects. Each case breaks one enum of a real aal1 flow of the double.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OpenApiEnumTests
{
    public static IEnumerable<TestCaseData> Mutations()
    {
        yield return Case("identifier autocomplete", "/attributes/autocomplete", "username", n => Name(n) == "identifier", n => n["attributes"]!["autocomplete"] = "username");
        yield return Case("password autocomplete", "/attributes/autocomplete", "password", n => Name(n) == "password", n => n["attributes"]!["autocomplete"] = "password");
        yield return Case("input type", "/attributes/type", "string", n => Name(n) == "identifier", n => n["attributes"]!["type"] = "string");
        yield return Case("node group", "/group", "passwords", n => Name(n) == "password", n => n["group"] = "passwords");
        yield return Case("node type", "/type", "select", n => Name(n) == "password", n => n["type"] = "select");
        yield return Case("attributes node_type", "/attributes", "select", n => Name(n) == "password", n => n["attributes"]!["node_type"] = "select");
        yield return Case("label type", "/meta/label/type", "hint", n => Name(n) == "password", n => n["meta"]!["label"]!["type"] = "hint");
    }

    [TestCaseSource(nameof(Mutations))]
    public async Task A_value_outside_kratos_enum_fails_the_openapi_check(Func<JsonObject, bool> which, Action<JsonObject> mutate, string where)
    {
        await using var harness = await DoubleHarness.StartAsync();
        using var actor = harness.NewActor();
        var flow = (await actor.CreateLoginFlowAsync()).Body!.AsObject();
        var valid = OpenApiSchemas.Validate("loginFlow", flow);
        valid.IsValid.Should().BeTrue("the double's aal1 flow satisfies loginFlow before the change: {0}", OpenApiSchemas.Describe(valid));

        var nodes = flow["ui"]!["nodes"]!.AsArray();
        var node = nodes.OfType<JsonObject>().Single(which);
        mutate(node);
        var result = OpenApiSchemas.Validate("loginFlow", flow);

        result.IsValid.Should().BeFalse("{0} is outside the enum of Kratos's OpenAPI document", node.ToJsonString());
        OpenApiSchemas.Describe(result).Should().Contain($"/ui/nodes/{nodes.IndexOf(node)}{where}", "the failure names the offending field");
    }

    private static TestCaseData Case(string what, string where, string value, Func<JsonObject, bool> which, Action<JsonObject> mutate) =>
        new TestCaseData(which, mutate, where).SetArgDisplayNames(what, value);

    private static string? Name(JsonObject node) => (string?)node["attributes"]?["name"];
}
