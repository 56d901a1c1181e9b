using Kratos.Double.Model;

namespace Kratos.Double.State;

/// <summary>
/// Where the double keeps identities, credentials, sessions, flows, codes and courier messages: in memory for
/// <c>dsn: memory</c>, in a SQLite file for a <c>sqlite://</c> DSN. Handlers change the objects they got and then
/// save them; both stores answer the same way, so a handler that forgets to save fails the SQLite run of the tests.
/// Callers hold <see cref="Gate"/> around every read-modify-write, exactly as they did when state was one object graph.
/// </summary>
internal interface IStore : IDisposable
{
    /// <summary>The one lock around every read-modify-write (flows are tiny; one suite at a time).</summary>
    Lock Gate { get; }

    void AddIdentity(Identity identity);

    void SaveIdentity(Identity identity);

    void DeleteIdentity(Guid id);

    Identity? FindIdentity(Guid id);

    /// <summary>In creation order, as the admin API lists them.</summary>
    IReadOnlyList<Identity> ListIdentities();

    Identity? FindIdentityByCodeAddress(string address);

    Identity? FindIdentityByPasswordIdentifier(string identifier);

    /// <summary>Inserts or updates.</summary>
    void SaveSession(Session session);

    void DeleteSession(Guid id);

    Session? FindSession(Guid id);

    /// <summary>An active, unexpired session with this token.</summary>
    Session? FindSessionByToken(string token);

    /// <summary>An active, unexpired session with this cookie value.</summary>
    Session? FindSessionByCookie(string value);

    void DeactivateSessionsOf(Guid identityId);

    void AddLogoutToken(string token, Guid sessionId);

    /// <summary>Removes the token and returns its session, or null when it was never issued or already used.</summary>
    Guid? TakeLogoutToken(string token);

    /// <summary>Inserts or updates.</summary>
    void SaveFlow(LoginFlow flow);

    LoginFlow? FindFlow(Guid id);

    /// <summary>Inserts or updates a settings flow (with its internal context and any paused payload).</summary>
    void SaveSettingsFlow(SettingsFlow flow);

    SettingsFlow? FindSettingsFlow(Guid id);

    /// <summary>Inserts or updates a recovery flow.</summary>
    void SaveRecoveryFlow(RecoveryFlow flow);

    RecoveryFlow? FindRecoveryFlow(Guid id);

    /// <summary>Inserts or updates a recovery code.</summary>
    void SaveRecoveryCode(RecoveryFlowCode code);

    /// <summary>DeleteRecoveryCodesOfFlow: earlier codes of the flow die when a new one is sent.</summary>
    void DeleteRecoveryCodesOfFlow(Guid flowId);

    IReadOnlyList<RecoveryFlowCode> RecoveryCodesOf(Guid flowId);

    void AddCode(LoginCode code);

    void SaveCode(LoginCode code);

    void DeleteCodesOfFlow(Guid flowId);

    /// <summary>Every code issued to this identity, oldest first.</summary>
    IReadOnlyList<LoginCode> CodesOf(Guid identityId);

    void AddMessage(CourierMessage message);

    void SaveMessage(CourierMessage message);

    CourierMessage? FindMessage(Guid id);

    /// <summary>Every message, newest first (courier/handler.go lists by created_at DESC).</summary>
    IReadOnlyList<CourierMessage> ListMessages();

    /// <summary>
    /// Up to <paramref name="count"/> queued messages, oldest first, now marked processing and saved
    /// (persister_courier.go NextMessages).
    /// </summary>
    IReadOnlyList<CourierMessage> TakeQueued(int count);

    void AddError(StoredError error);

    StoredError? FindError(Guid id);

    /// <summary>Forgets everything, so the next suite run starts from an empty database.</summary>
    void Clear();
}
