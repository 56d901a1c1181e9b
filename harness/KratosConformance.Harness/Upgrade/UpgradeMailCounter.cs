using System.Collections.Concurrent;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// How many login-code mails each seeded address was sent by one version (the sink is emptied between A and B): a
/// wait must ask for the mail a send just requested, not an older code to the same address.
/// </summary>
public sealed class UpgradeMailCounter
{
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The 1-based number of the mail a send just requested for <paramref name="address"/>.</summary>
    public int Next(string address) => _sent.AddOrUpdate(address, 1, (_, n) => n + 1);
}
