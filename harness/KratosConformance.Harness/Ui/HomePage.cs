using System.Net;
using System.Text;
using System.Text.Json;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// The default_browser_return_url target: says whether the browser holds a session, and at which AAL, from a whoami
/// made server-side with the browser's own cookies. It is what a user sees after Kratos's final 303.
/// </summary>
internal static class HomePage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(KratosReply whoami)
    {
        var html = new StringBuilder("<main data-testid=\"session\">\n");
        if (whoami.Ok)
        {
            html.Append("<h1 data-testid=\"session/signed-in\">Signed in</h1>\n<p>Authenticator assurance level: <span data-testid=\"session/aal\">")
                .Append(Html.Encode(Html.String(whoami.Body, "authenticator_assurance_level"))).Append("</span></p>\n");
        }
        else if (whoami.Status == HttpStatusCode.Forbidden)
        {
            // session_aal2_required: signed in at aal1, second factor pending (spec §4.1).
            var target = Html.String(whoami.Body, "redirect_browser_to");
            html.Append("<h1 data-testid=\"session/aal2-required\">Second factor required</h1>\n");
            if (target is not null)
            {
                html.Append("<p><a data-testid=\"session/continue\" href=\"").Append(Html.Encode(target)).Append("\">Continue</a></p>\n");
            }
        }
        else
        {
            html.Append("<h1 data-testid=\"session/signed-out\">Not signed in</h1>\n");
        }

        html.Append("<p data-testid=\"session/source\">").Append(Html.Encode(whoami.RequestLine)).Append("</p>\n")
            .Append("<pre data-testid=\"session/json\">")
            .Append(Html.Encode(whoami.Body?.ToJsonString(Indented) ?? whoami.Text))
            .Append("</pre>\n</main>\n");
        return Html.Page("Session", html.ToString());
    }
}
