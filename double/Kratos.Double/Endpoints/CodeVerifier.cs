using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// strategy_login.go loginVerifyCode + persister_code.go useOneTimeCode: count first, then compare; bound to flow and
/// session identity; success marks the address verified and upgrades the same session to aal2.
/// </summary>
internal static class CodeVerifier
{
    public static async Task VerifyAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, SubmissionBody body, Session session, Identity identity)
    {
        var code = body["code"];
        if (code is null)
        {
            lock (rt.Store.Gate)
            {
                // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
                if (rt.Has(DeviationNames.MissingCodeCounted))
                {
                    flow.SubmitCount++;
                }

                // HandleLoginError: cmp.Or(address, identifier) as submitted (loginVerifyCode stops before normalising).
                LoginForms.HideIdentifier(flow, FirstNonEmpty(body["address"], body["identifier"]));
                Ui.Nodes.ClearNodeMessages(flow.Nodes);
                Ui.Nodes.AddMessage(flow.Nodes, "code", Messages.Required("code"));
                // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
                rt.Store.SaveFlow(flow);
            }

            await LoginSubmit.FailAsync(ctx, rt, flow, client, null).ConfigureAwait(false);
            return;
        }

        LoginCode? match;
        bool tooMany;
        lock (rt.Store.Gate)
        {
            flow.SubmitCount++;
            tooMany = flow.SubmitCount > rt.Config.MaxSubmissions && !rt.Has(DeviationNames.NoAttemptLimit);
            match = rt.Store.CodesOf(identity.Id).FirstOrDefault(c =>
                c.Code == code
                && (c.FlowId == flow.Id || rt.Has(DeviationNames.ForeignFlowCodeAccepted))
                && (!c.Used || rt.Has(DeviationNames.ReplayAccepted)));
            Ui.Nodes.ClearNodeMessages(flow.Nodes);

            // loginVerifyCode sets p.Identifier = maybeNormalizeEmail(cmp.Or(address, identifier)); HandleLoginError then
            // writes cmp.Or(address, p.Identifier): the raw address, else the normalised identifier, else "" (a posted
            // address always wins, so its normalised copy is never written).
            var identifier = body["identifier"] ?? string.Empty;
            LoginForms.HideIdentifier(flow, FirstNonEmpty(body["address"], identifier.Contains('@', StringComparison.Ordinal) ? identifier.ToLowerInvariant() : identifier));
            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            rt.Store.SaveFlow(flow);
        }

        if (tooMany)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.Generic(Messages.TooManySubmissionsReason)).ConfigureAwait(false);
            return;
        }

        if (match is null)
        {
            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            var message = rt.Has(DeviationNames.WrongCodeMessageId) ? Messages.NoStrategy() : Messages.CodeInvalid();
            await LoginSubmit.FailAsync(ctx, rt, flow, client, message).ConfigureAwait(false);
            return;
        }

        if (match.ExpiresAt < DateTimeOffset.UtcNow && !rt.Has(DeviationNames.ExpiredCodeAccepted))
        {
            // ≤ v26.2.0: LoginCode.Validate returns a flow-expired error; with a session the replacement fails [C].
            await LoginSubmit.ExpiredAsync(ctx, rt, flow, client, session).ConfigureAwait(false);
            return;
        }

        Upgrade(rt, flow, session, identity, match);
        await LoginCompletion.RespondAsync(ctx, rt, flow, client, session, identity, "code").ConfigureAwait(false);
    }

    private static void Upgrade(Runtime rt, LoginFlow flow, Session session, Identity identity, LoginCode match)
    {
        var now = DateTimeOffset.UtcNow;
        lock (rt.Store.Gate)
        {
            // Stryker disable once all : equivalent: a code is bound to its flow, and a flow that passed the challenge refuses every later submission before a code is looked up, so Used never decides an answer (docs/mutation-survivors.md)
            match.Used = true;
            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            rt.Store.SaveCode(match);
            flow.State = "passed_challenge";
            flow.Messages = [];
            flow.UpdatedAt = now;
            if (!rt.Has(DeviationNames.AddressNotVerified))
            {
                foreach (var address in identity.VerifiableAddresses.Where(a => a.Value == match.Address && !a.Verified))
                {
                    address.Verified = true;
                    address.Status = "completed";
                    address.VerifiedAt = now;
                    address.UpdatedAt = now;
                }

                // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
                rt.Store.SaveIdentity(identity);
            }

            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            if (rt.Has(DeviationNames.SessionIdChanges))
            {
                rt.Store.DeleteSession(session.Id);
                session.Id = Guid.NewGuid();
            }

            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            if (rt.Has(DeviationNames.SessionTokenChanges))
            {
                session.Token = Secrets.SessionToken();
            }

            if (!rt.Has(DeviationNames.AmrLacksCode))
            {
                session.Methods.Add(("code", "aal2", now));
            }

            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            if (rt.Has(DeviationNames.AmrLacksCode))
            {
                session.AalOverride = "aal2";
            }

            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            if (rt.Has(DeviationNames.SessionStaysAal1))
            {
                session.AalOverride = "aal1";
            }

            if (!rt.Has(DeviationNames.AuthenticatedAtNotRefreshed))
            {
                session.AuthenticatedAt = now;
            }

            session.IssuedAt = now;
            session.ExpiresAt = now + rt.Config.SessionLifespan;
            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            rt.Store.SaveSession(session);
            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            rt.Store.SaveFlow(flow);
        }
    }

    /// <summary>Go's cmp.Or over strings: the first non-empty value, else "".</summary>
    private static string FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrEmpty(first) ? first : second ?? string.Empty;
}
