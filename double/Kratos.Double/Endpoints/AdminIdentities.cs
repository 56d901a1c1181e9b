using System.Text.Json;
using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>identity/handler.go create/get/list/delete on the admin port.</summary>
internal static class AdminIdentities
{
    public static async Task CreateAsync(HttpContext ctx, Runtime rt)
    {
        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw KratosError.BadRequest("Unable to decode JSON payload: the body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw KratosError.BadRequest($"Unable to decode JSON payload: {e.Message}");
        }

        var identity = IdentityFactory.Create(rt, body);
        lock (rt.Store.Gate)
        {
            foreach (var existing in rt.Store.ListIdentities())
            {
                if (existing.PasswordIdentifiers.Intersect(identity.PasswordIdentifiers).Any()
                    || existing.CodeAddresses.Select(a => a.Address).Intersect(identity.CodeAddresses.Select(a => a.Address)).Any())
                {
                    throw KratosError.Conflict("This identity conflicts with another identity that already exists.");
                }
            }

            rt.Store.AddIdentity(identity);
        }

        ctx.Response.Headers.Location = new Uri(rt.Config.AdminBaseUrl, "admin/identities/" + identity.Id).ToString();
        await Respond.JsonAsync(ctx, 201, identity.ToJson(true, rt.Config.PublicBaseUrl)).ConfigureAwait(false);
    }

    public static Task GetAsync(HttpContext ctx, Runtime rt, string id)
    {
        lock (rt.Store.Gate)
        {
            var identity = Find(rt, id);

            // identity/handler.go: include_credential (repeatable) declassifies those credential types' config.
            var declassify = ctx.Request.Query["include_credential"].SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return Respond.JsonAsync(ctx, 200, identity.ToJson(true, rt.Config.PublicBaseUrl, declassify));
        }
    }

    public static Task ListAsync(HttpContext ctx, Runtime rt)
    {
        var filter = ctx.Request.Query["credentials_identifier"].ToString().ToLowerInvariant();
        lock (rt.Store.Gate)
        {
            var items = rt.Store.ListIdentities()
                .Where(i => filter.Length == 0 || i.PasswordIdentifiers.Contains(filter) || i.CodeAddresses.Any(a => a.Address == filter))
                .Select(i => (JsonNode)i.ToJson(false, rt.Config.PublicBaseUrl))
                .ToArray();
            return Respond.JsonAsync(ctx, 200, new JsonArray(items));
        }
    }

    public static Task DeleteAsync(HttpContext ctx, Runtime rt, string id)
    {
        lock (rt.Store.Gate)
        {
            var identity = Find(rt, id);
            rt.Store.DeleteIdentity(identity.Id);
            rt.Store.DeactivateSessionsOf(identity.Id);
        }

        return Respond.NoContentAsync(ctx);
    }

    private static Identity Find(Runtime rt, string id) =>
        Guid.TryParse(id, out var guid) && rt.Store.FindIdentity(guid) is { } identity
            ? identity
            : throw KratosError.NotFound("Unable to locate the resource");
}
