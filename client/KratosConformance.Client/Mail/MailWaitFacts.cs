namespace KratosConformance.Client.Mail;

/// <summary>What a <see cref="MailWait"/> knew when it ended: the data every <see cref="MailWaitException"/> carries.</summary>
internal sealed record MailWaitFacts(
    WantedMail Wanted,
    string Reader,
    int Tries,
    TimeSpan Waited,
    IReadOnlyList<ReceivedMail> Seen,
    IReadOnlyList<CourierMessage>? Courier,
    string? CourierProblem);
