using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Harness.Profiles;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>
/// The double's WebAuthn (factors spec §5) driven by the software authenticator over the webauthn profile, at each
/// emulated version: one walk (register, a wrong origin, another flow's challenge, a valid assertion, a counter that
/// does not grow) whose lines are the spec's outcomes, and which each WebAuthn deviation changes (the double-level
/// proof FactorDeviationTests gives the other factor deviations); the script served with the integrity Kratos's
/// snapshots pin; and the nodes against Kratos's WebAuthn snapshots (volatile values left out as Kratos does).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WebAuthnDoubleTests
{
    public static readonly string[] Versions = ["v26.2.0", "v25.4.0", "v1.3.1"];

    public static readonly string[] Baseline =
    [
        "register without name: 400 node [4000002]",
        "register: 200 success [1050001]",
        "whoami after registration: aal2 password,webauthn",
        "wrong origin: 400 [4000008]",
        "foreign challenge: 400 [4000008]",
        "valid assertion: 200",
        "same counter on refresh: 200",
        "stored sign_count: 0",
    ];

    public static IEnumerable<string> WebAuthnDeviations() => Deviations.Factors.Select(d => d.Name).Where(n => n.StartsWith("webauthn-", StringComparison.Ordinal));

    [TestCaseSource(nameof(Versions))]
    public async Task Walk_matches_the_spec(string version)
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.WebAuthn, emulate: version);
        (await WalkAsync(deployment)).Should().Equal(Baseline);
    }

    [TestCaseSource(nameof(WebAuthnDeviations))]
    public async Task Deviation_changes_the_walk(string deviation)
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.WebAuthn, [deviation]);
        var walk = await WalkAsync(deployment);
        walk.SequenceEqual(Baseline).Should().BeFalse("deviation {0} must be observable: {1}", deviation, string.Join(" | ", walk));
    }

    [TestCaseSource(nameof(Versions))]
    public async Task The_script_is_served_with_the_integrity_of_the_versions_snapshots(string version)
    {
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.WebAuthn, emulate: version);
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(KratosReference.Snapshot(version, "factors/webauthn", "TestCompleteSettings-case=one_activation_element_is_shown.json")))!.AsArray();
        var pinned = snapshot.Select(n => n?["attributes"]?["integrity"]?.GetValue<string>()).OfType<string>().Single();
        using var http = new HttpClient { BaseAddress = deployment.Endpoints.PublicUrl };

        using var response = await http.GetAsync(".well-known/ory/webauthn.js");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        ((int)response.StatusCode).Should().Be(200);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/javascript; charset=UTF-8");
        ("sha512-" + Convert.ToBase64String(SHA512.HashData(bytes))).Should().Be(pinned, "the file must be Kratos's webauthn.js of {0}", version);
    }

    public static IEnumerable<TestCaseData> SnapshotCases() =>
        from version in Versions
        from file in new[]
        {
            "TestCompleteSettings-case=one_activation_element_is_shown.json",
            "TestCompleteLogin-flow=mfa-case=webauthn_payload_is_set_when_identity_has_webauthn.json",
            "TestCompleteLogin-flow=mfa-case=webauthn_payload_is_not_set_when_identity_has_no_webauthn.json",
        }
        select new TestCaseData(version, file).SetArgDisplayNames(version, file);

    [TestCaseSource(nameof(SnapshotCases))]
    public async Task Nodes_match_kratos_snapshot(string version, string file)
    {
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(KratosReference.Snapshot(version, "factors/webauthn", file)))!.AsArray();
        await using var deployment = await DoubleDeployment.StartAsync(KratosProfiles.WebAuthn, emulate: version);
        var evidence = EvidenceRecorder.Discarding();
        await using var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync("webauthn-snapshot");
        using var client = KratosClient.Create(ClientStyle.Spa, deployment.Endpoints, evidence, deployment.Profile.Facts);
        await client.SignInWithPasswordAsync(identity.Email, identity.Password);
        var settings = await new FactorDriver(deployment.Profile.Facts, evidence).OpenSettingsAsync(client);
        KratosResponse reply = settings;
        if (file.Contains("payload_is_set", StringComparison.Ordinal))
        {
            using var key = new SoftwareAuthenticator();
            await new WebAuthnDriver(deployment.Profile.Facts, evidence).RegisterAsync(client, settings.Flow!, key, deployment.Profile.Facts.WebAuthnOrigins[0], "key");
        }

        if (file.StartsWith("TestCompleteLogin", StringComparison.Ordinal))
        {
            reply = await client.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2", Refresh = file.Contains("payload_is_set", StringComparison.Ordinal) });
        }

        var nodes = reply.Flow!.Raw["ui"]!["nodes"]!.AsArray().Where(n => n!["group"]!.GetValue<string>() is "default" or "webauthn").ToList();
        nodes.Select(n => Project(n, expected.FirstOrDefault(e => Key(e) == Key(n)))).Should().Equal(expected.Select(e => Project(e, e)), "{0} {1}: the double's default and webauthn nodes as Kratos's snapshot has them", version, file);
    }

    private static string Key(JsonNode? node) => $"{node?["group"]}/{node?["attributes"]?["name"] ?? node?["attributes"]?["id"]}";

    // The node as the snapshot writes it: only the attribute keys the snapshot keeps (Kratos leaves values of csrf,
    // identifier and triggers, src, nonce and onclick out), everything else whole.
    private static string Project(JsonNode? node, JsonNode? reference)
    {
        if (node is null || reference is null)
        {
            return Key(node) + " (not in the snapshot)";
        }

        var copy = node.DeepClone().AsObject();
        var attributes = copy["attributes"]!.AsObject();
        foreach (var name in attributes.Select(p => p.Key).ToList())
        {
            if (!reference["attributes"]!.AsObject().ContainsKey(name))
            {
                attributes.Remove(name);
            }
        }

        return Sorted(copy)!.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private static async Task<List<string>> WalkAsync(DoubleDeployment deployment)
    {
        var facts = deployment.Profile.Facts;
        var origin = facts.WebAuthnOrigins[0];
        var evidence = EvidenceRecorder.Discarding();
        var driver = new WebAuthnDriver(facts, evidence);
        var admin = new KratosAdminClient(deployment.Endpoints, evidence);
        await using var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync("webauthn-walk");
        using var key = new SoftwareAuthenticator { Counter = 7, CounterStep = 0 };
        var t = new List<string>();

        using var owner = KratosClient.Create(ClientStyle.Spa, deployment.Endpoints, evidence, facts);
        await owner.SignInWithPasswordAsync(identity.Email, identity.Password);
        var opened = await new FactorDriver(facts, evidence).OpenSettingsAsync(owner);
        var unnamed = await driver.RegisterAsync(owner, opened.Flow!, key, origin, null);
        t.Add($"register without name: {unnamed.Status} node {Ids(unnamed.Flow?.FindNode("webauthn", "webauthn_register_displayname", "text")?.Messages.Select(m => m.Id))}");
        var registered = await driver.RegisterAsync(owner, unnamed.Flow!, key, origin, "walk key");
        t.Add($"register: {registered.Status} {registered.Flow?.State} {Ids(registered.Flow?.MessageIds)}");
        var whoami = await owner.WhoAmIAsync();
        t.Add($"whoami after registration: {whoami.Session?.Aal} {string.Join(',', whoami.Session?.Methods.Select(m => m.Method) ?? [])}");

        using var user = KratosClient.Create(ClientStyle.Spa, deployment.Endpoints, evidence, facts);
        await user.SignInWithPasswordAsync(identity.Email, identity.Password);
        // Both flows are made while the session is aal1: a deviation that lets an attempt through must not stop the walk.
        var first = (await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2" })).Flow!;
        var second = (await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2" })).Flow!;
        var wrong = await driver.LoginAsync(user, first, key, "https://attacker.example", "wrong origin");
        t.Add($"wrong origin: {wrong.Status} {Ids(wrong.Flow?.MessageIds)}");
        var firstChallenge = JsonNode.Parse(WebAuthnDriver.Options(first, "webauthn_login_trigger") ?? "{}")?["publicKey"]?["challenge"]?.GetValue<string>();
        var foreign = await driver.LoginAsync(user, second, key, origin, "foreign challenge", challenge: firstChallenge);
        t.Add($"foreign challenge: {foreign.Status} {Ids(foreign.Flow?.MessageIds)}");
        var valid = await driver.LoginAsync(user, foreign.Flow ?? second, key, origin, "valid");
        t.Add($"valid assertion: {valid.Status}");
        var refresh = (await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2", Refresh = true })).Flow!;
        var again = await driver.LoginAsync(user, refresh, key, origin, "same counter");
        t.Add($"same counter on refresh: {again.Status}");
        var stored = await admin.GetIdentityAsync(identity.Id, "webauthn");
        t.Add($"stored sign_count: {stored.Body?["credentials"]?["webauthn"]?["config"]?["credentials"]?[0]?["authenticator"]?["sign_count"]}");
        return t;
    }

    private static string Ids(IEnumerable<long>? ids) => "[" + string.Join(',', ids ?? []) + "]";
}
