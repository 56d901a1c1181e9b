using System.Text.Json.Nodes;
using FluentAssertions;
using FluentAssertions.Execution;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The aal1 login flow (and the refresh flow) against the password strategy's own snapshots
/// (selfservice/strategy/password/.snapshots TestFormHydration-method=PopulateLoginMethodFirstFactor[Refresh], the same
/// bytes at v1.3.1, v25.4.0 and v26.2.0). Those files are one hydrator's raw output (login_test.go TestFormHydration):
/// unsorted and with the csrf_token value reset. Kratos's handler then sorts the nodes (sort.go) and gives browser flows
/// their csrf value, so nodes are compared by (group, name, type) and a value the snapshot leaves out is dropped.
/// The hydrator sets the csrf_token node for every flow type (login.go: sr.UI.SetCSRF), so native flows carry one too.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PasswordSnapshotTests
{
    /// <summary>
    /// Kratos's test schema (password/stub/login.schema.json) names no identifier trait, so GetIdentifierLabelFromSchema
    /// falls back to 1070004 "ID"; an identifier trait without a title takes the same branch.
    /// </summary>
    private static readonly string UntitledIdentifierSchema = DoubleConfigs.IdentitySchema.Replace("\"title\": \"E-Mail\",", string.Empty, StringComparison.Ordinal);

    public static IEnumerable<TestCaseData> Cases() =>
        from version in new[] { "v26.2.0", "v25.4.0", "v1.3.1" }
        from client in new[] { ClientStyle.Browser, ClientStyle.Spa, ClientStyle.Native }
        select new TestCaseData(version, client);

    [TestCaseSource(nameof(Cases))]
    public async Task First_factor_nodes_match_kratos_password_snapshot(string version, ClientStyle client)
    {
        var expected = SnapshotNodes(version, "TestFormHydration-method=PopulateLoginMethodFirstFactor.json");
        UntitledIdentifierSchema.Should().NotBe(DoubleConfigs.IdentitySchema, "the test schema drops the identifier's title");
        await using var harness = await DoubleHarness.StartAsync(version, yaml: DoubleConfigs.Yaml(schema: UntitledIdentifierSchema));
        using var actor = harness.NewActor();
        actor.Style = client;

        var created = await actor.CreateLoginFlowAsync();

        AssertMatches(created, expected, $"{version} {client} aal1 login flow");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Refresh_nodes_match_kratos_password_snapshot(string version, ClientStyle client)
    {
        var expected = SnapshotNodes(version, "TestFormHydration-method=PopulateLoginMethodFirstFactorRefresh.json");
        // Kratos's test identity has a password and no second factor, so the first login ends at aal1. whoami at aal1:
        // with code mfa_enabled, v1.3.1 counts a second factor for every identity (docs/kratos-facts.md) and would
        // send the SPA to the aal2 login instead.
        await using var harness = await DoubleHarness.StartAsync(version, yaml: DoubleConfigs.Yaml("session:\n  whoami:\n    required_aal: aal1\n", schema: DoubleConfigs.SchemaWithoutCode));
        await harness.CreateIdentityAsync("some@user.com");
        using var actor = harness.NewActor();
        actor.Style = client;
        var login = await actor.PasswordLoginAsync("some@user.com");
        login.Code.Should().BeOneOf([200, 303], "the password login starts the session to refresh ({0})", login);

        var created = await actor.CreateLoginFlowAsync("refresh=true");

        AssertMatches(created, expected, $"{version} {client} refresh login flow");
    }

    private static JsonArray SnapshotNodes(string version, string name) =>
        JsonNode.Parse(File.ReadAllText(ReferenceFiles.Snapshot(version, "password", name)))!.AsArray();

    private static void AssertMatches(Reply created, JsonArray expectedNodes, string what)
    {
        created.Body.Should().NotBeNull("{0}", created);
        var expected = ByTriple(expectedNodes, null);
        var actual = ByTriple(created.Body!["ui"]!["nodes"]!.AsArray(), expected);
        using (new AssertionScope(what))
        {
            actual.Keys.Should().BeEquivalentTo(expected.Keys, "the double renders the nodes Kratos's hydrator renders ({0})", created.Request);
            foreach (var (triple, node) in expected)
            {
                (actual.TryGetValue(triple, out var mine) ? mine : "<absent>").Should().Be(node, "node {0} must match Kratos's snapshot", triple);
            }

            var validation = OpenApiSchemas.Validate("loginFlow", created.Body);
            validation.IsValid.Should().BeTrue("the flow must satisfy the OpenAPI loginFlow schema, enums included: {0}", OpenApiSchemas.Describe(validation));
        }
    }

    /// <summary>group/name/type → the node as sorted JSON; values the matching expected node leaves out are dropped.</summary>
    private static Dictionary<string, string> ByTriple(JsonArray nodes, Dictionary<string, string>? expected)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in nodes.OfType<JsonObject>())
        {
            var copy = (JsonObject)node.DeepClone();
            var attributes = copy["attributes"]!.AsObject();
            var triple = $"{copy["group"]}/{attributes["name"]}/{attributes["type"]}";
            if (expected is not null && expected.TryGetValue(triple, out var reference) && JsonNode.Parse(reference)?["attributes"]?["value"] is null)
            {
                attributes.Remove("value");
            }

            result[triple] = Sorted(copy)!.ToJsonString();
        }

        return result;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
