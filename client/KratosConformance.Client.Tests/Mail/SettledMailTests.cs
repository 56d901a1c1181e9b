using FluentAssertions;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Waiting;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>
/// The wait behind every "no more mail" check: it watches the mailbox for the whole window (Kratos's courier may send a
/// stray mail one poll after the awaited one) and ends at once when more mail than allowed came. Nothing here depends
/// on the machine's speed: a mail that shows up on a later look is found with an hour-long window that [CancelAfter]
/// would stop long before, and a quiet mailbox is proven with an empty window.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SettledMailTests
{
    private const string Alice = "alice@example.test";

    [Test]
    [CancelAfter(60_000)]
    public async Task A_mail_that_arrives_after_the_awaited_ones_is_seen_and_ends_the_watch_at_once(CancellationToken ct)
    {
        var mailbox = new ArrivingMailbox(afterLooks: 3, Mail("m1"), Mail("m2"), Mail("m3 (the stray one)"));

        var mails = await mailbox.SettledAsync(Alice, atMost: 2, Deadline.Fixed("no further mail", TimeSpan.FromHours(1)), ct);

        mails.Select(m => m.Id).Should().Equal("m1", "m2", "m3 (the stray one)");
        mailbox.Looks.Should().Be(3, "the watch ends at the first look that holds more than allowed");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_quiet_mailbox_is_listed_at_the_end_of_the_window_without_a_timeout(CancellationToken ct)
    {
        var mailbox = new FixedMailbox(Mail("m1"), Mail("m2"));

        var mails = await mailbox.SettledAsync(Alice, atMost: 2, Deadline.Fixed("no further mail", TimeSpan.Zero), ct);

        mails.Select(m => m.Id).Should().Equal("m1", "m2");
        mailbox.Looks.Should().Be(1);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_window_is_watched_to_its_end_with_a_look_at_the_start_and_one_at_the_end(CancellationToken ct)
    {
        var mailbox = new FixedMailbox();

        var mails = await mailbox.SettledAsync(Alice, atMost: 0, Deadline.Fixed("no further mail", TimeSpan.FromMilliseconds(120)), ct);

        mails.Should().BeEmpty();
        mailbox.Looks.Should().BeGreaterThanOrEqualTo(2);
    }

    private static ReceivedMail Mail(string id) => new(id, null, "kratos@example.test", [Alice], "Use code 123456 to log in", "123456", null, DateTimeOffset.UnixEpoch);

    /// <summary>Holds all but its last mail until look number <c>afterLooks</c>, and all of them from then on.</summary>
    private sealed class ArrivingMailbox(int afterLooks, params ReceivedMail[] mails) : IMailboxReader
    {
        private int _looks;

        public int Looks => Volatile.Read(ref _looks);

        public string Description => "a mailbox whose mails arrive one look at a time";

        public Task<IReadOnlyList<ReceivedMail>> ListAsync(string recipient, CancellationToken cancellationToken = default)
        {
            var look = Interlocked.Increment(ref _looks);
            var shown = look < afterLooks ? mails.Length - 1 : mails.Length;
            return Task.FromResult<IReadOnlyList<ReceivedMail>>(mails.Take(shown).ToList());
        }

        public ValueTask<MailboxPace> PaceAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new MailboxPace(TimeSpan.FromMilliseconds(1)));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
