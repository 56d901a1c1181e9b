using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Courier;
using Kratos.Double.Http;
using Kratos.Double.Model;

namespace Kratos.Double.Endpoints;

/// <summary>
/// code_sender.go SendCode for a login: the address's channel picks the template (email.NewLoginCodeValid or
/// sms.NewLoginCodeValid) and the queue (QueueEmail or QueueSMS: type sms, channel sms, the model as template data).
/// </summary>
internal static class CodeMessages
{
    public static void QueueLoginCode(Runtime rt, LoginFlow flow, Identity target, string address, string code)
    {
        var channel = target.CodeAddresses.FirstOrDefault(a => a.Address == address).Channel ?? "email";
        if (channel != "sms")
        {
            var (subject, body) = EmailTemplates.LoginCode(rt.Config, code);
            rt.Courier.Enqueue(address, subject, body);
            return;
        }

        if (rt.Has(DeviationNames.SmsSentToEmail) && target.CodeAddresses.FirstOrDefault(a => a.Channel == "email").Address is { } email)
        {
            var (subject, body) = EmailTemplates.LoginCode(rt.Config, code);
            rt.Courier.Enqueue(email, subject, body);
            return;
        }

        var sent = rt.Has(DeviationNames.SmsBodyMissingCode) ? string.Empty : code;
        var text = SmsTemplates.LoginCode(rt.Config, sent);
        if (rt.Has(DeviationNames.SmsExpiryLineMissing))
        {
            text = $"Your login code is: {sent}\n";
        }

        rt.Courier.Enqueue(new CourierMessage
        {
            Type = "sms",
            Recipient = address,
            Subject = string.Empty,
            Body = text,
            TemplateType = rt.Has(DeviationNames.SmsWrongTemplateType) ? "verification_code_valid" : "login_code_valid",
            TemplateData = Model(rt, flow, target, address, sent),
        });
    }

    /// <summary>sms.LoginCodeValidModel as JSON: to, login_code, identity, request_url, transient_payload, and from v25.4.0 expires_in_minutes.</summary>
    private static JsonObject Model(Runtime rt, LoginFlow flow, Identity target, string address, string code)
    {
        var model = new JsonObject
        {
            ["to"] = address,
            ["login_code"] = code,
            ["identity"] = target.ToJson(includeCredentials: false, rt.Config.PublicBaseUrl),
            ["request_url"] = flow.RequestUrl,
            ["transient_payload"] = new JsonObject(),
        };
        if (rt.Config.IsAtLeast(EmulatedVersion.V25_4_0))
        {
            model["expires_in_minutes"] = SmsTemplates.ExpiresInMinutes(rt.Config);
        }

        return model;
    }
}
