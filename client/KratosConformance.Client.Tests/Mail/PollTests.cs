using System.Diagnostics;
using FluentAssertions;
using KratosConformance.Client.Waiting;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

[Parallelizable(ParallelScope.All)]
public sealed class PollTests
{
    [Test]
    public async Task Timeout_names_what_was_awaited_the_tries_and_the_last_value()
    {
        var n = 0;

        var act = () => Poll.UntilAsync(_ => Task.FromResult(++n), v => v > 1000, new PollOptions("the counter to pass 1000", TimeSpan.FromMilliseconds(100)) { Interval = TimeSpan.FromMilliseconds(10) });

        var e = (await act.Should().ThrowAsync<PollTimeoutException>()).Which;
        e.Message.Should().MatchRegex(@"^Expected the counter to pass 1000 within \d+ ms, but it did not happen after \d+ tries\. Last seen: \d+$");
        e.Message.Should().EndWith($"Last seen: {e.Tries}");
        e.Tries.Should().BeGreaterThan(2);
    }

    [Test]
    public async Task A_change_signal_ends_the_pause_early()
    {
        var changed = new TaskCompletionSource();
        var value = 0;
        var clock = Stopwatch.StartNew();
        var wait = Poll.UntilAsync(
            _ => Task.FromResult(Volatile.Read(ref value)),
            v => v == 1,
            new PollOptions("value 1", TimeSpan.FromSeconds(10)) { Interval = TimeSpan.FromSeconds(5), NextChange = () => changed.Task });

        await Task.Yield();
        Volatile.Write(ref value, 1);
        changed.SetResult();

        (await wait).Should().Be(1);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the 5 s interval must not be waited out");
    }

    [Test]
    public async Task A_satisfied_first_probe_returns_at_once()
    {
        var result = await Poll.UntilAsync(_ => Task.FromResult("ok"), _ => true, new PollOptions("ok", TimeSpan.Zero));

        result.Should().Be("ok");
    }
}
