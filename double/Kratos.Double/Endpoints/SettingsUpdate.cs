using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>settings/strategy_helper.go UpdateContext: one submission to a settings flow, with what it was sent as.</summary>
internal sealed record SettingsUpdate(
    HttpContext Ctx, Runtime Rt, SettingsFlow Flow, Client Client, Session Session, Identity Identity, SubmissionBody Body, JsonObject Payload)
{
    public bool Flag(string name) => Body[name] is "true" or "True" or "1" or "on";
}
