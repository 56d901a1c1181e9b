using System.Text.Json.Nodes;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Http;

/// <summary>
/// Turns every exception into a Kratos answer and never a 500 or a stack trace: herodot JSON for API/JSON clients,
/// and for server-rendered browser requests a stored error plus 303 to selfservice.flows.error.ui_url?id=
/// (selfservice/errorx/manager.go).
/// </summary>
internal static class ErrorResponder
{
    public const string BrowserItem = "kratos.browser";

    public static async Task WriteAsync(HttpContext ctx, Runtime rt, Exception exception)
    {
        var error = exception as KratosError;
        if (error is null)
        // Stryker disable once all : out of scope, by kind: the double's guard against its own bugs (docs/mutation-survivors.md)
        {
            rt.Log.Error("An internal error occurred in the double.", ("error", exception.GetType().Name + ": " + exception.Message));
            error = KratosError.BadRequest("The double could not process this request: " + exception.Message);
        }

        if (ctx.Response.HasStarted)
        // Stryker disable once all : out of scope, by kind: the double's guard against its own bugs (docs/mutation-survivors.md)
        {
            return;
        }

        // Not cleared: like Kratos's error writer (ory/herodot), the error is written over the headers the request set
        // before it failed (a CSRF cookie nosurf set up front, CORS headers), and Respond sets the status.
        if (ctx.Items.ContainsKey(BrowserItem))
        {
            var stored = new StoredError(Guid.NewGuid(), (JsonObject)error.ToJson()["error"]!.DeepClone(), DateTimeOffset.UtcNow);
            lock (rt.Store.Gate)
            {
                rt.Store.AddError(stored);
            }

            await Respond.RedirectAsync(ctx, Respond.WithQuery(rt.Config.ErrorUiUrl, "id", stored.Id.ToString())).ConfigureAwait(false);
            return;
        }

        await Respond.JsonAsync(ctx, error.Code, error.ToJson()).ConfigureAwait(false);
    }

    public static Task GetStoredAsync(HttpContext ctx, Runtime rt)
    {
        var id = ctx.Request.Query["id"].ToString();
        lock (rt.Store.Gate)
        {
            var stored = (Guid.TryParse(id, out var guid) ? rt.Store.FindError(guid) : null)
                ?? throw KratosError.NoRows();

            return Respond.JsonAsync(ctx, 200, new JsonObject
            {
                ["id"] = stored.Id.ToString(),
                ["error"] = stored.Error.DeepClone(),
                ["created_at"] = Time.Node(stored.CreatedAt),
                ["updated_at"] = Time.Node(stored.CreatedAt),
            });
        }
    }
}
