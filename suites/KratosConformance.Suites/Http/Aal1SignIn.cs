using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// The first factor a scenario starts from. <see cref="Session"/> is the aal1 session when the response shows it
/// (native: 200 with session and token, spec §3); browser and SPA get a redirect or a 422 instead under
/// highest_available, and their aal1 session is not readable before the second factor.
/// </summary>
public sealed record Aal1SignIn(Observation Observation, Session? Session, string? SessionToken);
