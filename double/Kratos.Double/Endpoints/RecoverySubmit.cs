using System.Text.Json.Nodes;
using Kratos.Double.Courier;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Kratos.Double.Ui;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// POST /self-service/recovery?flow= with the code method (code/strategy_recovery.go Recover): an address sends a code
/// (recovery_code_valid) to a matching recovery address, the flow turns sent_email with 1060003; a code from this flow
/// recovers: a new aal1 session {code_recovery}, the address verified, and a settings flow with 1060001 created without
/// checking required_aal (recoveryIssueSession); the browser goes to it, JSON gets 422 browser_location_change_required
/// (or, with feature_flags.use_continue_with_transitions, 200 + continue_with).
/// </summary>
internal static class RecoverySubmit
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "method", "email", "code", "csrf_token", "flow", "transient_payload" };

    public static async Task HandleAsync(HttpContext ctx, Runtime rt)
    {
        var flow = RecoveryFlows.Find(rt, ctx.Request.Query["flow"].ToString());
        var client = flow.Type == "api" ? Client.Api : ctx.Request.IsJson() ? Client.Spa : Client.Browser;
        if (client == Client.Browser)
        {
            ctx.Items[ErrorResponder.BrowserItem] = true;
        }

        var body = await SubmissionBody.ReadAsync(ctx.Request, Fields).ConfigureAwait(false);
        if (flow.IsBrowser && (!ctx.Request.Cookies.TryGetValue(rt.CsrfCookieName, out var cookie) || cookie != body["csrf_token"] || cookie != flow.CsrfToken))
        {
            throw CsrfRejection.Create(ctx.Request, rt, body["csrf_token"]);
        }

        if (flow.State != "choose_method" && body["email"] is null)
        {
            await UseCodeAsync(ctx, rt, flow, client, body["code"] ?? string.Empty).ConfigureAwait(false);
            return;
        }

        if (ctx.FindSession(rt) is not null)
        {
            if (client == Client.Browser)
            {
                await Respond.RedirectAsync(ctx, rt.Config.DefaultBrowserReturnUrl).ConfigureAwait(false);
                return;
            }

            throw KratosError.BadRequest("A valid session was detected and thus recovery is not possible.", "session_already_available");
        }

        var email = body["email"];
        if (email is null)
        {
            lock (rt.Store.Gate)
            {
                Ui.Nodes.ClearNodeMessages(flow.Nodes);
                Ui.Nodes.AddMessage(flow.Nodes, "email", Messages.Required("email"));
                flow.Messages = [];
                rt.Store.SaveRecoveryFlow(flow);
            }

            await RespondAsync(ctx, rt, flow, client, 400).ConfigureAwait(false);
            return;
        }

        Send(rt, flow, email.Trim().ToLowerInvariant());
        await RespondAsync(ctx, rt, flow, client, 200).ConfigureAwait(false);
    }

    /// <summary>recoveryHandleFormSubmission: earlier codes die; an unknown address gets nothing (notify_unknown_recipients off).</summary>
    private static void Send(Runtime rt, RecoveryFlow flow, string email)
    {
        Identity? target;
        string? code = null;
        lock (rt.Store.Gate)
        {
            rt.Store.DeleteRecoveryCodesOfFlow(flow.Id);
            target = rt.Store.ListIdentities().FirstOrDefault(i => i.RecoveryAddresses.Any(a => a.Value == email));
            if (target is not null)
            {
                code = Secrets.NumericCode(6);
                rt.Store.SaveRecoveryCode(new RecoveryFlowCode(flow.Id, target.Id, email, code, DateTimeOffset.UtcNow + rt.Config.CodeLifespan));
            }

            flow.Active = "code";
            flow.State = "sent_email";
            flow.Messages = new JsonArray(RecoveryMessages.CodeSent());
            var code6 = Nodes.Input("code", "code", "text", required: true, label: RecoveryMessages.LabelRecoveryCode());
            var attributes = code6["attributes"]!.AsObject();
            attributes.Remove("disabled");
            attributes.Remove("node_type");
            attributes["pattern"] = "[0-9]+";
            attributes["disabled"] = false;
            attributes["maxlength"] = 6;
            attributes["node_type"] = "input";
            JsonNode[] sent =
            [
                Nodes.Csrf(flow.CsrfToken ?? string.Empty),
                code6,
                Nodes.Input("code", "method", "hidden", "code"),
                Nodes.Input("code", "method", "submit", "code", label: Messages.LabelContinue()),
                Nodes.Input("code", "email", "submit", email, label: Messages.LabelResend()),
            ];
            flow.Nodes = new JsonArray(sent);
            flow.UpdatedAt = DateTimeOffset.UtcNow;
            rt.Store.SaveRecoveryFlow(flow);
        }

        if (code is not null)
        {
            var (subject, text) = EmailTemplates.RecoveryCode(rt.Config, code);
            rt.Courier.Enqueue(email, subject, text, "recovery_code_valid");
        }
    }

    private static async Task UseCodeAsync(HttpContext ctx, Runtime rt, RecoveryFlow flow, Client client, string submitted)
    {
        RecoveryFlowCode? match;
        Identity? identity = null;
        lock (rt.Store.Gate)
        {
            match = rt.Store.RecoveryCodesOf(flow.Id).FirstOrDefault(c => c.Code == submitted && !c.Used && c.ExpiresAt > DateTimeOffset.UtcNow);
            if (match is null)
            {
                flow.Messages = new JsonArray(RecoveryMessages.CodeInvalid());
                rt.Store.SaveRecoveryFlow(flow);
            }
            else
            {
                match.Used = true;
                rt.Store.SaveRecoveryCode(match);
                identity = rt.Store.FindIdentity(match.IdentityId);
            }
        }

        if (match is null || identity is null)
        {
            await RespondAsync(ctx, rt, flow, client, 200).ConfigureAwait(false);
            return;
        }

        await RecoveryCompletion.IssueSessionAsync(ctx, rt, flow, client, identity, match.Address).ConfigureAwait(false);
    }

    public static Task RespondAsync(HttpContext ctx, Runtime rt, RecoveryFlow flow, Client client, int jsonStatus) =>
        client == Client.Browser
            ? Respond.RedirectAsync(ctx, RecoveryFlows.UiUrl(rt, flow))
            : Respond.JsonAsync(ctx, jsonStatus, flow.ToJson(rt.Config.PublicBaseUrl));
}
