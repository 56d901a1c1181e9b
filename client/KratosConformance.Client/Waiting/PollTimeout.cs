namespace KratosConformance.Client.Waiting;

/// <summary>What a <see cref="Poll"/> knew when its deadline passed: enough to write a failure message that needs no log.</summary>
public sealed record PollTimeout<T>(string WaitingFor, Deadline Deadline, TimeSpan Waited, int Tries, bool HasLast, T? Last);
