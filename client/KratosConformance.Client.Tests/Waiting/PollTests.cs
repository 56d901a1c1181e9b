using FluentAssertions;
using KratosConformance.Client.Waiting;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Waiting;

/// <summary>
/// The one polling helper. Nothing here depends on how fast the machine is: the wake-up is proven by counting probes
/// with an interval far longer than any deadline, and timeouts by their text.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class PollTests
{
    /// <summary>Longer than any test may run: a wait that reaches it has failed, whatever the machine's speed.</summary>
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Test]
    public async Task Timeout_names_what_was_awaited_the_deadline_the_tries_and_the_last_value()
    {
        var n = 0;
        var deadline = new Patience(2).For("counter", TimeSpan.FromMilliseconds(50));

        var act = () => Poll.UntilAsync(_ => Task.FromResult(++n), v => v > 1_000_000, new PollOptions("the counter to pass 1000000", deadline) { Interval = TimeSpan.FromMilliseconds(10) });

        var e = (await act.Should().ThrowAsync<PollTimeoutException>()).Which;
        e.Message.Should().MatchRegex(
            @"^Expected the counter to pass 1000000 within the counter deadline \(100 ms at patience 2; raise it with --patience 4 \(or KC_PATIENCE=4\)\), "
            + @"but it did not happen after \d+ tries in \d+ ms\. Last seen: \d+$");
        e.Message.Should().EndWith($"Last seen: {e.Tries}");
        e.Deadline.Should().Be(deadline);
        e.Tries.Should().BeGreaterThanOrEqualTo(2, "the probe runs once at the start and once more at the deadline");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_change_signal_ends_the_pause_without_waiting_out_the_interval(CancellationToken cancellationToken)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstProbe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var value = 0;
        var probes = 0;
        var wait = Poll.UntilAsync(
            _ =>
            {
                Interlocked.Increment(ref probes);
                firstProbe.TrySetResult();
                return Task.FromResult(Volatile.Read(ref value));
            },
            v => v == 1,
            new PollOptions("value 1", Deadline.Fixed("test", Never)) { Interval = Never, NextChange = () => changed.Task },
            cancellationToken);

        await firstProbe.Task.WaitAsync(cancellationToken);
        Volatile.Write(ref value, 1);
        changed.SetResult();

        // Without the signal the second probe would only come after the one-hour interval, and the test would be
        // cancelled long before: returning at all proves the wake-up; two probes prove nothing else woke it.
        (await wait).Should().Be(1);
        Volatile.Read(ref probes).Should().Be(2);
    }

    [Test]
    public async Task A_satisfied_first_probe_returns_at_once()
    {
        var result = await Poll.UntilAsync(_ => Task.FromResult("ok"), _ => true, new PollOptions("ok", Deadline.Fixed("test", TimeSpan.Zero)));

        result.Should().Be("ok");
    }

    [Test]
    public async Task A_probe_that_knows_the_answer_ends_the_wait_at_once_with_its_own_exception()
    {
        var act = () => Poll.UntilAsync<int>(
            _ => throw new InvalidOperationException("will never come"),
            _ => false,
            new PollOptions("something", Deadline.Fixed("test", Never)));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("will never come");
    }

    [Test]
    public async Task An_operation_past_its_deadline_names_itself_and_the_setting()
    {
        var deadline = Deadline.Fixed("Kratos request", TimeSpan.FromMilliseconds(20));

        var act = () => deadline.RunAsync("GET /health/ready", ct => Task.Delay(Never, ct));

        var e = (await act.Should().ThrowAsync<DeadlineExpiredException>()).Which;
        e.Message.Should().Be("GET /health/ready did not finish within the Kratos request deadline (20 ms at patience 1; raise it with --patience 2 (or KC_PATIENCE=2)).");
        e.Deadline.Should().Be(deadline);
    }

    [Test]
    public async Task Cancelling_an_operation_is_not_a_deadline()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var act = () => Deadline.Fixed("test", Never).RunAsync("waiting", ct => Task.Delay(Never, ct), cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
