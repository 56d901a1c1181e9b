namespace KratosConformance.Containers;

/// <summary>
/// Disposes registered resources when the process is interrupted (Ctrl-C) or exits, then removes anything else still
/// labelled with this session. Needed because the reaper is off where its image can not be pulled: without this, an
/// interrupted run would leave containers and networks behind.
/// </summary>
public static class SessionCleanup
{
    private static readonly Lock Gate = new();
    private static readonly List<IAsyncDisposable> Resources = [];
    private static bool _installed;
    private static ContainerDeadline _budget = ContainerPatience.FromEnvironment().Cleanup;

    /// <summary>
    /// Hooks Console.CancelKeyPress and ProcessExit (idempotent). Call it once from an entry point or a test set-up.
    /// The cleanup on those hooks is bounded by <paramref name="patience" />'s "container cleanup" deadline (default:
    /// KC_PATIENCE); a later call with a patience updates it.
    /// </summary>
    public static void InstallHooks(ContainerPatience? patience = null)
    {
        lock (Gate)
        {
            if (patience is not null)
            {
                _budget = patience.Cleanup;
            }

            if (_installed)
            {
                return;
            }

            _installed = true;
        }

        Console.CancelKeyPress += (_, _) => RunCleanup();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunCleanup();
    }

    /// <summary>Registers a resource; dispose the returned handle once the resource has been disposed normally.</summary>
    public static IDisposable Register(IAsyncDisposable resource)
    {
        lock (Gate)
        {
            Resources.Add(resource);
        }

        return new Registration(resource);
    }

    /// <summary>Disposes every registered resource, newest first, then removes whatever still carries the session label.</summary>
    public static async Task DisposeAllAsync(CancellationToken ct = default)
    {
        IAsyncDisposable[] resources;
        lock (Gate)
        {
            resources = [.. Enumerable.Reverse(Resources)];
            Resources.Clear();
        }

        foreach (var resource in resources)
        {
            try
            {
                await resource.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed dispose must not keep the rest alive; the label sweep below catches what it left.
                await Console.Error.WriteLineAsync($"cleanup: disposing {resource.GetType().Name} failed: {e.Message}").ConfigureAwait(false);
            }
        }

        if (await DockerEnvironment.CheckAvailableAsync(ct).ConfigureAwait(false) is null)
        {
            await DockerEnvironment.RemoveLeftoversAsync(DockerEnvironment.SessionId, ct).ConfigureAwait(false);
        }
    }

    // Signal handlers are synchronous; they block (bounded) so the process does not end before cleanup did.
    private static void RunCleanup()
    {
        var budget = _budget;
        using var cts = new CancellationTokenSource(budget.Limit);
        try
        {
            Task.Run(() => DisposeAllAsync(cts.Token), cts.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine($"cleanup: not finished within {budget.Expired}; the next kc removes what is left (label {DockerEnvironment.SessionLabel}={DockerEnvironment.SessionId}).");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"cleanup: {e.Message}; remove leftovers with label {DockerEnvironment.SessionLabel}={DockerEnvironment.SessionId}");
        }
    }

    private sealed class Registration(IAsyncDisposable resource) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Resources.Remove(resource);
            }
        }
    }
}
