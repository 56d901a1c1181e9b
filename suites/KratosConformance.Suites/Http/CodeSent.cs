using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>Where most code scenarios start: a signed-in (aal1) user whose aal2 flow is in sent_email, and the mailed code.</summary>
public sealed record CodeSent(Flows Flows, TestIdentity Identity, KratosClient User, LoginFlow Flow, LoginCodeMail Mail);

/// <summary>An aal2 flow in choose_method for an identity with two code addresses, as created (<see cref="CodeMfaTest"/>).</summary>
public sealed record ChoosingAddress(Flows Flows, TestIdentity Identity, KratosClient User, Observation Created);
