namespace KratosConformance.Containers;

/// <summary>An image the stack runs, identified for the report: a tag can move, the id and digests can not.</summary>
public sealed record StackImage(string Name, string Id, IReadOnlyList<string> RepoDigests);
