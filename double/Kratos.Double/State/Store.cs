using Kratos.Double.Model;

namespace Kratos.Double.State;

/// <summary>
/// All in-memory state. One lock guards every read-modify-write: flows are tiny and the double serves one suite at a
/// time, so a single gate is both safe and far below the 5 ms budget.
/// </summary>
internal sealed class Store
{
    public Lock Gate { get; } = new();
    public Dictionary<Guid, Identity> Identities { get; } = [];
    public List<Identity> IdentityOrder { get; } = [];
    public Dictionary<Guid, Session> Sessions { get; } = [];
    public Dictionary<Guid, LoginFlow> Flows { get; } = [];
    public List<LoginCode> Codes { get; } = [];
    public List<CourierMessage> Messages { get; } = [];
    public Dictionary<Guid, Model.StoredError> Errors { get; } = [];
    public Dictionary<string, Guid> LogoutTokens { get; } = new(StringComparer.Ordinal);

    public Identity? FindByCodeAddress(string address) =>
        IdentityOrder.FirstOrDefault(i => i.CodeAddresses.Any(a => a.Address == address));

    public Identity? FindByPasswordIdentifier(string identifier) =>
        IdentityOrder.FirstOrDefault(i => i.Password is not null && i.PasswordIdentifiers.Contains(identifier));

    public Session? FindSessionByToken(string token) =>
        Sessions.Values.FirstOrDefault(s => s.Active && s.Token == token && s.ExpiresAt > DateTimeOffset.UtcNow);

    public Session? FindSessionByCookie(string value) =>
        Sessions.Values.FirstOrDefault(s => s.Active && s.CookieValue == value && s.ExpiresAt > DateTimeOffset.UtcNow);
}
