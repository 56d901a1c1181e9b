using FluentAssertions;
using KratosConformance.Client.Mail;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>
/// The mailbox listing shared by concurrent waits: callers that ask while a listing runs share the next one, and no
/// caller gets a listing that started before it asked (a "no more mail" check must not read a stale list). Each
/// listing here ends only when the test lets it, so nothing depends on timing.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class FreshListingTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Callers_that_ask_during_a_listing_share_the_next_one_and_none_gets_the_running_one(CancellationToken ct)
    {
        var started = new List<TaskCompletionSource<int>>();
        var startedSignal = new SemaphoreSlim(0);
        var listing = new FreshListing<int>(_ =>
        {
            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (started)
            {
                started.Add(done);
            }

            startedSignal.Release();
            return done.Task;
        });

        var first = listing.NextAsync(ct);
        await startedSignal.WaitAsync(ct);
        var second = listing.NextAsync(ct);
        var third = listing.NextAsync(ct);

        started.Should().HaveCount(1, "the next listing waits for the running one");
        first.IsCompleted.Should().BeFalse();
        started[0].SetResult(1);
        (await first).Should().Be(1);
        await startedSignal.WaitAsync(ct);
        started.Should().HaveCount(2, "the two callers that asked during the first listing share one");
        second.IsCompleted.Should().BeFalse("the first listing started before this caller asked");
        started[1].SetResult(2);
        (await second).Should().Be(2);
        (await third).Should().Be(2);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_failed_listing_fails_its_callers_and_the_next_caller_lists_again(CancellationToken ct)
    {
        var calls = 0;
        var listing = new FreshListing<int>(_ => ++calls == 1 ? Task.FromException<int>(new HttpRequestException("sink down")) : Task.FromResult(calls));

        var failed = () => listing.NextAsync(ct);
        await failed.Should().ThrowAsync<HttpRequestException>().WithMessage("sink down");
        (await listing.NextAsync(ct)).Should().Be(2);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_caller_that_stops_waiting_does_not_cancel_the_listing_others_share(CancellationToken ct)
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listing = new FreshListing<int>(_ => release.Task);
        using var impatient = new CancellationTokenSource();

        var patient = listing.NextAsync(ct);
        var leaving = listing.NextAsync(impatient.Token);
        await impatient.CancelAsync();

        await ((Func<Task>)(() => leaving)).Should().ThrowAsync<OperationCanceledException>();
        release.SetResult(7);
        (await patient).Should().Be(7);
    }
}
