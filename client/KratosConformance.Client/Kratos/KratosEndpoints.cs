namespace KratosConformance.Client.Kratos;

/// <summary>Where a Kratos deployment answers, as seen from the harness (public and admin base URLs, trailing slash).</summary>
public sealed record KratosEndpoints(Uri PublicUrl, Uri AdminUrl);
