using System.Text.Json.Nodes;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Client.Identities;

/// <summary>
/// An identity made for one test: its own address (so mail can be filtered by recipient and tests run in parallel,
/// style principle 5) and password. Disposing deletes it; a 404 means it is gone already and is fine.
/// </summary>
public sealed class TestIdentity : IAsyncDisposable
{
    private readonly KratosAdminClient _admin;
    private int _disposed;

    internal TestIdentity(string id, string email, string password, JsonObject raw, KratosAdminClient admin)
    {
        Id = id;
        Email = email;
        Password = password;
        Raw = raw;
        _admin = admin;
    }

    public string Id { get; }
    /// <summary>Lower-case, unique per call: "&lt;hint&gt;.&lt;8 hex&gt;@conformance.test".</summary>
    public string Email { get; }
    public string Password { get; }
    /// <summary>The second code address, for identities made with IdentityFactory.CreateWithSecondAddressAsync.</summary>
    public string? SecondEmail { get; init; }
    /// <summary>The phone number (E.164) the SMS scenarios send codes to, for identities made with IdentityFactory.CreateWithPhoneAsync.</summary>
    public string? Phone { get; init; }
    /// <summary>The identity as Kratos returned it on creation (201 body).</summary>
    public JsonObject Raw { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var response = await _admin.DeleteIdentityAsync(Id).ConfigureAwait(false);
        if (response.Status is not (204 or 404))
        {
            throw new InvalidOperationException(
                $"Expected Kratos to delete test identity {Id} ({Email}) with 204, but it answered {response.RequestLine}: {response.BodyText}");
        }
    }

    public override string ToString() => $"{Email} ({FlowDescription.ShortId(Id)})";
}
