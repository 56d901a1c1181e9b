using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;

namespace Kratos.Double.Endpoints;

/// <summary>strategy_login.go loginSendCode: delete earlier codes of the flow, mint 6 digits, queue the mail, sent_email.</summary>
internal static class CodeSender
{
    public static void Send(Runtime rt, LoginFlow flow, Identity target, string address)
    {
        // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
        var code = Secrets.NumericCode(rt.Has(DeviationNames.CodeWrongLength) ? 8 : 6);
        lock (rt.Store.Gate)
        {
            if (!rt.Has(DeviationNames.ResendKeepsOldCode))
            {
                rt.Store.DeleteCodesOfFlow(flow.Id);
            }

            rt.Store.AddCode(new LoginCode(flow.Id, target.Id, address, code, DateTimeOffset.UtcNow + rt.Config.CodeLifespan));
            flow.State = "sent_email";
            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            if (rt.Has(DeviationNames.StateStuckChooseMethod))
            {
                flow.State = "choose_method";
            }

            flow.Active = "code";
            flow.SentAddress = address;
            flow.Nodes = LoginForms.SentEmail(rt, flow, address);
            flow.Messages = new JsonArray(Messages.CodeSent(rt.Config));
            flow.UpdatedAt = DateTimeOffset.UtcNow;
            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            rt.Store.SaveFlow(flow);
        }

        if (!rt.Has(DeviationNames.CodeMailNeverSent))
        {
            CodeMessages.QueueLoginCode(rt, flow, target, address, code);
        }
    }
}
