using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// Shows a Kratos error: the stored self-service error behind the error UI's ?id=, or the error body of a failed
/// server-side call. Id, status and reason each carry a test id so a browser test can assert on the id, not prose.
/// </summary>
internal static class ErrorPage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // source: which call produced it, e.g. "GET self-service/errors?id=… -> 200".
    public static string Render(KratosReply reply, string source)
    {
        // /self-service/errors wraps the error as {id, error:{…}}; failed API calls answer {error:{…}} directly.
        var error = reply.Body?["error"] as JsonObject;
        var html = new StringBuilder("<main data-testid=\"ui/error\">\n<h1>An error occurred</h1>\n");
        if (error is not null)
        {
            Field(html, "id", Html.String(error, "id"));
            Field(html, "code", Html.String(error, "code"));
            Field(html, "status", Html.String(error, "status"));
            Field(html, "reason", Html.String(error, "reason"));
            Field(html, "message", Html.String(error, "message"));
        }

        html.Append("<p data-testid=\"ui/error/source\">").Append(Html.Encode(source)).Append("</p>\n")
            .Append("<pre data-testid=\"ui/error/json\">")
            .Append(Html.Encode(reply.Body?.ToJsonString(Indented) ?? reply.Text))
            .Append("</pre>\n</main>\n");
        return Html.Page("Error", html.ToString());
    }

    /// <summary>The error UI was opened without ?id=, so there is nothing to fetch.</summary>
    public static string MissingId() =>
        Html.Page("Error", "<main data-testid=\"ui/error\">\n<h1>An error occurred</h1>\n<p data-testid=\"ui/error/reason\">The error page was opened without ?id=.</p>\n</main>\n");

    private static void Field(StringBuilder html, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        html.Append("<p>").Append(Html.Encode(name)).Append(": <span data-testid=\"ui/error/").Append(name).Append("\">")
            .Append(Html.Encode(value)).Append("</span></p>\n");
    }
}
