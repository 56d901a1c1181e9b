using System.Text;
using FluentAssertions;
using Kratos.Double.Config;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// courier.channels (factors spec §10.2): what Kratos's config schema refuses is refused with the key, and a body
/// template outside the double's Jsonnet subset is a config error naming the position and the subset, not a silent
/// failure of every SMS. Kratos's own templates (courier/stub/*.jsonnet, the schema's default body) load.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SmsChannelConfigTests
{
    private const string Mailer = """
        function(ctx) {
          recipient: ctx.recipient,
          template_type: ctx.template_type,
          to: if "template_data" in ctx && "to" in ctx.template_data then ctx.template_data.to else null,
          body: if "template_data" in ctx && "body" in ctx.template_data then ctx.template_data.body else null
        }
        """;

    private const string SchemaDefault = "base64://ZnVuY3Rpb24oY3R4KSB7CiAgcmVjaXBpZW50OiBjdHgucmVjaXBpZW50LAogIHRlbXBsYXRlX3R5cGU6IGN0eC50ZW1wbGF0ZV90eXBlLAogIHRvOiBpZiAidGVtcGxhdGVfZGF0YSIgaW4gY3R4ICYmICJ0byIgaW4gY3R4LnRlbXBsYXRlX2RhdGEgdGhlbiBjdHgudGVtcGxhdGVfZGF0YS50byBlbHNlIG51bGwsCiAgcmVjb3ZlcnlfY29kZTogaWYgInRlbXBsYXRlX2RhdGEiIGluIGN0eCAmJiAicmVjb3ZlcnlfY29kZSIgaW4gY3R4LnRlbXBsYXRlX2RhdGEgdGhlbiBjdHgudGVtcGxhdGVfZGF0YS5yZWNvdmVyeV9jb2RlIGVsc2UgbnVsbCwKICByZWNvdmVyeV91cmw6IGlmICJ0ZW1wbGF0ZV9kYXRhIiBpbiBjdHggJiYgInJlY292ZXJ5X3VybCIgaW4gY3R4LnRlbXBsYXRlX2RhdGEgdGhlbiBjdHgudGVtcGxhdGVfZGF0YS5yZWNvdmVyeV91cmwgZWxzZSBudWxsLAogIHZlcmlmaWNhdGlvbl91cmw6IGlmICJ0ZW1wbGF0ZV9kYXRhIiBpbiBjdHggJiYgInZlcmlmaWNhdGlvbl91cmwiIGluIGN0eC50ZW1wbGF0ZV9kYXRhIHRoZW4gY3R4LnRlbXBsYXRlX2RhdGEudmVyaWZpY2F0aW9uX3VybCBlbHNlIG51bGwsCiAgdmVyaWZpY2F0aW9uX2NvZGU6IGlmICJ0ZW1wbGF0ZV9kYXRhIiBpbiBjdHggJiYgInZlcmlmaWNhdGlvbl9jb2RlIiBpbiBjdHgudGVtcGxhdGVfZGF0YSB0aGVuIGN0eC50ZW1wbGF0ZV9kYXRhLnZlcmlmaWNhdGlvbl9jb2RlIGVsc2UgbnVsbCwKICBzdWJqZWN0OiBjdHguc3ViamVjdCwKICBib2R5OiBjdHguYm9keQp9Cg==";

    private static string Yaml(string id, string url, string body) =>
        DoubleConfigs.Yaml().Replace(
            "\ncourier:\n",
            $"\ncourier:\n  channels:\n    - id: {id}\n      type: http\n      request_config:\n        url: {url}\n        body: {body}\n",
            StringComparison.Ordinal);

    private static string Base64(string jsonnet) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(jsonnet));

    [TestCase("function(ctx) { ctx: ctx }")]
    [TestCase("function(ctx) {\n  from: \"Kratos Test\",\n  to: ctx.recipient,\n  body: ctx.body\n}")]
    [TestCase(Mailer)]
    public async Task Kratos_documented_templates_load(string template)
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Yaml("sms", "http://127.0.0.1:1/sms", Base64(template)));
        harness.Should().NotBeNull();
    }

    [Test]
    public async Task The_schema_default_body_loads()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: Yaml("sms", "http://127.0.0.1:1/sms", SchemaDefault));
        harness.Should().NotBeNull();
    }

    [TestCase("email", "http://127.0.0.1:1/sms", "function(ctx) { ctx: ctx }", "courier.channels[0].id", "must be one of [sms]")]
    [TestCase("sms", "ftp://gateway/sms", "function(ctx) { ctx: ctx }", "courier.channels[0].request_config.url", "^https?://")]
    [TestCase("sms", "http://127.0.0.1:1/sms", "function(ctx) { me: self }", "courier.channels[0].request_config.body", "'self' at line 1, column 21 is outside the double's Jsonnet subset")]
    [TestCase("sms", "http://127.0.0.1:1/sms", "function(ctx) { a: [x for x in ctx.list] }", "courier.channels[0].request_config.body", "array comprehensions")]
    [TestCase("sms", "http://127.0.0.1:1/sms", "function(ctx) { a: std.md5(ctx.body) }", "courier.channels[0].request_config.body", "std.md5")]
    public async Task Refused_channel_names_the_key(string id, string url, string template, string key, string says)
    {
        var act = () => DoubleHarness.StartAsync(yaml: Yaml(id, url, Base64(template)));
        var error = (await act.Should().ThrowAsync<KratosDoubleConfigException>()).Which;
        error.Key.Should().Be(key);
        error.Message.Should().Contain(says).And.Contain("Fix:");
    }

    [Test]
    public async Task A_body_fetched_over_http_is_refused_as_outside_the_double()
    {
        var act = () => DoubleHarness.StartAsync(yaml: Yaml("sms", "http://127.0.0.1:1/sms", "https://example.invalid/body.jsonnet"));
        (await act.Should().ThrowAsync<KratosDoubleConfigException>()).Which.Message.Should().Contain("base64:// and file:// only");
    }
}
