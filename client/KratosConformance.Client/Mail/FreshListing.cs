namespace KratosConformance.Client.Mail;

/// <summary>
/// One listing of a mailbox shared by every caller that asked for it while the one before was under way: a mail
/// stored wakes every test waiting on the sink at once, and each would otherwise list the mailbox on its own (the sink,
/// not the harness, then spends the run's CPU). A caller never gets a listing that started before it asked, so what it
/// reads is as fresh as a listing of its own would be: a "no more mail" check reads no stale list.
/// </summary>
internal sealed class FreshListing<T>
{
    private readonly Func<CancellationToken, Task<T>> _fetch;
    private readonly Lock _gate = new();
    private Task<T>? _latest;
    private Slot? _queued;

    public FreshListing(Func<CancellationToken, Task<T>> fetch) => _fetch = fetch;

    /// <summary>
    /// A listing that starts after this call: the queued one if it has not started yet, else a new one that starts when
    /// the running one ends. The listing itself runs to its own deadline; <paramref name="cancellationToken"/> only
    /// stops this caller's wait for it.
    /// </summary>
    public Task<T> NextAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_queued is null)
            {
                var slot = new Slot();
                _queued = slot;
                slot.Listing = StartAfterAsync(_latest, slot);
                _latest = slot.Listing;
            }

            return _queued.Listing!.WaitAsync(cancellationToken);
        }
    }

    private async Task<T> StartAfterAsync(Task<T>? previous, Slot slot)
    {
        // Never inside the caller's lock, and one listing at a time.
        await Task.Yield();
        if (previous is not null)
        {
            await ((Task)previous).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        lock (_gate)
        {
            // From here on this listing has started: a later caller needs the next one.
            if (ReferenceEquals(_queued, slot))
            {
                _queued = null;
            }
        }

        return await _fetch(CancellationToken.None).ConfigureAwait(false);
    }

    private sealed class Slot
    {
        public Task<T>? Listing { get; set; }
    }
}
