using System.Web;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Where a browser redirect points: the login UI with ?flow= (the flow must be fetched to see what happened), the
/// error UI with ?id= (the error must be fetched), or anywhere else (only the Location matters). When the
/// deployment's UI URLs are known they decide; otherwise a redirect off Kratos's self-service API carrying flow= or
/// id= is taken for the UI, which is how every UI Kratos redirects to is addressed (spec §3).
/// </summary>
internal sealed record RedirectTarget(RedirectKind Kind, string? Id)
{
    public static RedirectTarget Classify(string? location, KratosEndpoints endpoints, Uri? loginUi, Uri? errorUi)
    {
        if (string.IsNullOrEmpty(location) || !Uri.TryCreate(endpoints.PublicUrl, location, out var target))
        {
            return new RedirectTarget(RedirectKind.Other, null);
        }

        var query = HttpUtility.ParseQueryString(target.Query);
        var flow = query["flow"];
        var id = query["id"];
        if (errorUi is not null && SamePage(target, errorUi))
        {
            return id is null ? new RedirectTarget(RedirectKind.Other, null) : new RedirectTarget(RedirectKind.ErrorUi, id);
        }

        if (loginUi is not null && SamePage(target, loginUi))
        {
            return flow is null ? new RedirectTarget(RedirectKind.Other, null) : new RedirectTarget(RedirectKind.LoginUi, flow);
        }

        var onKratosApi = target.AbsoluteUri.StartsWith(endpoints.PublicUrl.AbsoluteUri + "self-service/", StringComparison.Ordinal)
            || target.AbsoluteUri.StartsWith(endpoints.PublicUrl.AbsoluteUri + "sessions/", StringComparison.Ordinal);
        if (onKratosApi || (loginUi is not null && errorUi is not null))
        {
            return new RedirectTarget(RedirectKind.Other, null);
        }

        return flow is not null ? new RedirectTarget(RedirectKind.LoginUi, flow)
            : id is not null ? new RedirectTarget(RedirectKind.ErrorUi, id)
            : new RedirectTarget(RedirectKind.Other, null);
    }

    private static bool SamePage(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

internal enum RedirectKind
{
    Other,
    LoginUi,
    ErrorUi,
}
