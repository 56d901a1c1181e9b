using Kratos.Double.Model;

namespace Kratos.Double.State;

/// <summary>
/// <c>dsn: memory</c>: state lives in this process and is gone when it ends, as with Kratos's in-memory SQLite.
/// Objects are kept by reference, so saving one that is already stored changes nothing.
/// </summary>
internal sealed class MemoryStore : IStore
{
    private readonly Dictionary<Guid, Identity> _identities = [];
    private readonly List<Identity> _identityOrder = [];
    private readonly Dictionary<Guid, Session> _sessions = [];
    private readonly Dictionary<Guid, LoginFlow> _flows = [];
    private readonly Dictionary<Guid, SettingsFlow> _settingsFlows = [];
    private readonly Dictionary<Guid, RecoveryFlow> _recoveryFlows = [];
    private readonly List<RecoveryFlowCode> _recoveryCodes = [];
    private readonly List<LoginCode> _codes = [];
    private readonly List<CourierMessage> _messages = [];
    private readonly Dictionary<Guid, StoredError> _errors = [];
    private readonly Dictionary<string, Guid> _logoutTokens = new(StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    public void AddIdentity(Identity identity)
    {
        _identities[identity.Id] = identity;
        _identityOrder.Add(identity);
    }

    public void SaveIdentity(Identity identity)
    {
        if (!_identities.ContainsKey(identity.Id))
        {
            AddIdentity(identity);
        }
    }

    public void DeleteIdentity(Guid id)
    {
        if (_identities.Remove(id, out var identity))
        {
            _identityOrder.Remove(identity);
        }
    }

    public Identity? FindIdentity(Guid id) => _identities.GetValueOrDefault(id);

    public IReadOnlyList<Identity> ListIdentities() => [.. _identityOrder];

    public Identity? FindIdentityByCodeAddress(string address) =>
        _identityOrder.FirstOrDefault(i => i.CodeAddresses.Any(a => a.Address == address));

    public Identity? FindIdentityByPasswordIdentifier(string identifier) =>
        _identityOrder.FirstOrDefault(i => i.Password is not null && i.PasswordIdentifiers.Contains(identifier));

    public void SaveSession(Session session) => _sessions[session.Id] = session;

    public void DeleteSession(Guid id) => _sessions.Remove(id);

    public Session? FindSession(Guid id) => _sessions.GetValueOrDefault(id);

    public Session? FindSessionByToken(string token) =>
        _sessions.Values.FirstOrDefault(s => s.Active && s.Token == token && s.ExpiresAt > DateTimeOffset.UtcNow);

    public Session? FindSessionByCookie(string value) =>
        _sessions.Values.FirstOrDefault(s => s.Active && s.CookieValue == value && s.ExpiresAt > DateTimeOffset.UtcNow);

    public void DeactivateSessionsOf(Guid identityId)
    {
        foreach (var session in _sessions.Values.Where(s => s.IdentityId == identityId))
        {
            session.Active = false;
        }
    }

    public void AddLogoutToken(string token, Guid sessionId) => _logoutTokens[token] = sessionId;

    public Guid? TakeLogoutToken(string token) => _logoutTokens.Remove(token, out var id) ? id : null;

    public void SaveFlow(LoginFlow flow) => _flows[flow.Id] = flow;

    public LoginFlow? FindFlow(Guid id) => _flows.GetValueOrDefault(id);

    public void SaveSettingsFlow(SettingsFlow flow) => _settingsFlows[flow.Id] = flow;

    public SettingsFlow? FindSettingsFlow(Guid id) => _settingsFlows.GetValueOrDefault(id);

    public void SaveRecoveryFlow(RecoveryFlow flow) => _recoveryFlows[flow.Id] = flow;

    public RecoveryFlow? FindRecoveryFlow(Guid id) => _recoveryFlows.GetValueOrDefault(id);

    public void SaveRecoveryCode(RecoveryFlowCode code)
    {
        if (!_recoveryCodes.Contains(code))
        {
            _recoveryCodes.Add(code);
        }
    }

    public void DeleteRecoveryCodesOfFlow(Guid flowId) => _recoveryCodes.RemoveAll(c => c.FlowId == flowId);

    public IReadOnlyList<RecoveryFlowCode> RecoveryCodesOf(Guid flowId) => [.. _recoveryCodes.Where(c => c.FlowId == flowId)];

    public void AddCode(LoginCode code) => _codes.Add(code);

    public void SaveCode(LoginCode code)
    {
        if (!_codes.Contains(code))
        {
            _codes.Add(code);
        }
    }

    public void DeleteCodesOfFlow(Guid flowId) => _codes.RemoveAll(c => c.FlowId == flowId);

    public IReadOnlyList<LoginCode> CodesOf(Guid identityId) => [.. _codes.Where(c => c.IdentityId == identityId)];

    public void AddMessage(CourierMessage message) => _messages.Add(message);

    public void SaveMessage(CourierMessage message)
    {
        if (!_messages.Contains(message))
        {
            _messages.Add(message);
        }
    }

    public CourierMessage? FindMessage(Guid id) => _messages.FirstOrDefault(m => m.Id == id);

    public IReadOnlyList<CourierMessage> ListMessages() => [.. _messages.OrderByDescending(m => m.CreatedAt)];

    public IReadOnlyList<CourierMessage> TakeQueued(int count)
    {
        var taken = _messages.Where(m => m.Status == "queued").OrderBy(m => m.CreatedAt).Take(count).ToList();
        foreach (var message in taken)
        {
            message.Status = "processing";
        }

        return taken;
    }

    public void AddError(StoredError error) => _errors[error.Id] = error;

    public StoredError? FindError(Guid id) => _errors.GetValueOrDefault(id);

    public void Clear()
    {
        _identities.Clear();
        _identityOrder.Clear();
        _sessions.Clear();
        _flows.Clear();
        _settingsFlows.Clear();
        _recoveryFlows.Clear();
        _recoveryCodes.Clear();
        _codes.Clear();
        _messages.Clear();
        _errors.Clear();
        _logoutTokens.Clear();
    }

    public void Dispose()
    {
        // Nothing outlives the process.
    }
}
