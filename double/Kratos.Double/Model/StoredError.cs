using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>A self-service error shown by the error UI (selfservice/errorx), readable at /self-service/errors?id=.</summary>
internal sealed record StoredError(Guid Id, JsonObject Error, DateTimeOffset CreatedAt);
