using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>selfservice/strategy/code/strategy_login.go for aal2: send / resend / verify (§2.8–§2.14).</summary>
internal static class CodeStrategy
{
    public static async Task HandleAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, SubmissionBody body, Session? session)
    {
        if (!rt.Config.CodeEnabled)
        {
            throw KratosError.NotFound("This endpoint was disabled by system administrator. Please check your URL or contact the system administrator to enable it.");
        }

        Identity? identity;
        lock (rt.Store.Gate)
        {
            identity = session is null ? null : rt.Store.FindIdentity(session.IdentityId);
        }

        // Login: CheckAAL(f, aal1) first; aal2 only in the MFAEnabled branch; passed_challenge → no strategy.
        if (!rt.Config.MfaEnabled || flow.RequestedAal != "aal2" || identity is null || session is null
            || (flow.State == "passed_challenge" && !rt.Has(DeviationNames.ReplayAccepted)))
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.NoStrategy()).ConfigureAwait(false);
            return;
        }

        // strategy.go SetDefaultFlowState: resend=code (compared with strings.EqualFold) goes back to choose_method.
        if (string.Equals(body["resend"], "code", StringComparison.OrdinalIgnoreCase))
        {
            lock (rt.Store.Gate)
            {
                flow.State = "choose_method";
                // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
                rt.Store.SaveFlow(flow);
            }
        }

        // strategy_login.go Login switches on the state alone: choose_method sends (a posted code is never read),
        // sent_email verifies (docs/kratos-facts.md "choose_method only sends").
        if (flow.State == "choose_method")
        {
            await SendAsync(ctx, rt, flow, client, body, identity).ConfigureAwait(false);
            return;
        }

        await CodeVerifier.VerifyAsync(ctx, rt, flow, client, body, session, identity).ConfigureAwait(false);
    }

    private static async Task SendAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, SubmissionBody body, Identity sessionIdentity)
    {
        var address = body["identifier"] ?? body["address"];
        if (address is null)
        {
            lock (rt.Store.Gate)
            {
                // HandleLoginError(…, false) writes the submitted (empty) value onto identifier nodes and adds none; then
                // WriteFlowError's ParseError → container.AddMessage puts 4000002 on the identifier node, creating it
                // when there is none as NewInputField("identifier", nil, default, text): no value attribute
                // (ui/container/container.go AddMessage; docs/kratos-facts.md "The submitted address").
                Ui.Nodes.SetValue(flow.Nodes, "identifier", string.Empty);
                if (!flow.Nodes.Any(n => Ui.Nodes.Name(n) == "identifier"))
                {
                    flow.Nodes.Add((System.Text.Json.Nodes.JsonNode)Ui.Nodes.Input("default", "identifier", "text"));
                }

                Ui.Nodes.ClearNodeMessages(flow.Nodes);
                Ui.Nodes.AddMessage(flow.Nodes, "identifier", Messages.Required("identifier"));
                // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
                rt.Store.SaveFlow(flow);
            }

            await LoginSubmit.FailAsync(ctx, rt, flow, client, null).ConfigureAwait(false);
            return;
        }

        // maybeNormalizeEmail, then x.GracefulNormalization (a valid phone number in E.164, docs/kratos-facts.md).
        address = PhoneNumbers.Graceful(address.Contains('@', StringComparison.Ordinal) ? address.ToLowerInvariant() : address);

        Identity? target;
        lock (rt.Store.Gate)
        {
            // [C] looked up globally by code identifier; verification is still bound to the session identity.
            target = rt.Store.FindIdentityByCodeAddress(address);
        }

        if (target is null && rt.Config.FallbackEnabled && Aal.CodeAddresses(sessionIdentity, rt).Contains(address))
        {
            target = sessionIdentity;
        }

        if (target is null)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.NoCodeUser()).ConfigureAwait(false);
            return;
        }

        CodeSender.Send(rt, flow, target, address);
        // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
        var status = client == Client.Spa && rt.Has(DeviationNames.SpaSent200) ? 200 : 400;
        await LoginSubmit.FlowResponseAsync(ctx, rt, flow, client, status).ConfigureAwait(false);
    }
}
