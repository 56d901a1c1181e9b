using System.Globalization;
using KratosConformance.Client;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites;

/// <summary>
/// The mail steps of one conformance test: the scenario driver's one mail wait (which records each mail it returns),
/// and the one translation of a mail that did not come into a conformance finding in the house format. A missing or
/// wrong mail is a finding (spec §2.8 step 4, §5.5), so it fails like any check: naming the request that should have
/// sent it and listing what the mailbox and Kratos's courier held (style principle 4).
/// </summary>
public sealed class MailSteps
{
    private readonly ConformanceScope _scope;

    internal MailSteps(ConformanceScope scope) => _scope = scope;

    /// <summary>The <paramref name="nth"/> login-code mail to <paramref name="recipient"/> in the version's template.</summary>
    public async Task<LoginCodeMail> WaitForCodeAsync(KratosDeployment deployment, string recipient, int nth, CancellationToken ct = default)
    {
        try
        {
            return await _scope.Driver(deployment).WaitForCodeAsync(recipient, nth, ct);
        }
        catch (MailWaitException e)
        {
            throw DidNotCome(e, $"receive login-code mail #{nth} in the {LoginCodeTemplates.For(deployment.Facts.Version)} template");
        }
    }

    /// <summary>
    /// <paramref name="count"/> mails of any kind to <paramref name="recipient"/>: for checks of the mail itself, where a
    /// template mismatch must fail in the check that names it, not look like a missing mail.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(KratosDeployment deployment, string recipient, int count, CancellationToken ct = default)
    {
        try
        {
            return await _scope.Driver(deployment).WaitForMailsAsync(recipient, count, ct);
        }
        catch (MailWaitException e)
        {
            throw DidNotCome(e, $"receive {count} mail(s)");
        }
    }

    /// <summary>
    /// Every mail to <paramref name="recipient"/>, oldest first, once no further one can be on its way: the mailbox is
    /// watched for the deployment's courier interval and the sink's delivery (the driver's QuietWindow), or until it
    /// holds more than <paramref name="atMost"/>. For "no more mail" checks, which would pass too early on a list read
    /// right after the awaited mail (Kratos's courier sends on its pull_wait poll).
    /// </summary>
    public Task<IReadOnlyList<ReceivedMail>> ListSettledAsync(KratosDeployment deployment, string recipient, int atMost, CancellationToken ct = default) =>
        _scope.Driver(deployment).ListSettledMailAsync(recipient, atMost, ct);

    private ConformanceCheckException DidNotCome(MailWaitException e, string expectation)
    {
        var last = _scope.Evidence.LastHttp;
        return new ConformanceCheckException(new CheckFailure
        {
            TestId = _scope.TestId,
            Headline = e.Headline,
            Subject = "the mailbox of " + e.Recipient,
            Expectation = e is MailWaitTimeoutException timeout ? $"{expectation} within {timeout.Deadline.Expired}" : expectation,
            Situation = "after the code was sent (spec §2.8 step 4, §5.5)",
            Actual = e.Finding,
            ExpectedValue = e.Wanted.ShortName,
            ActualValue = e.Seen.Count == 0 ? "(no mail for this address)" : string.Join("; ", e.Seen.Select(m => $"\"{m.Subject}\"")),
            Hint = e.Message,
            Request = last is null
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{last.Method} {FlowDescription.ShortenIds(new Uri(last.Url).PathAndQuery)} -> {last.Status} (the last request before the wait)"),
        });
    }
}
