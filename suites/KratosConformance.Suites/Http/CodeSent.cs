using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;

namespace KratosConformance.Suites.Http;

/// <summary>Where most code scenarios start: a signed-in (aal1) user whose aal2 flow is in sent_email, and the mailed code.</summary>
public sealed record CodeSent(Flows Flows, TestIdentity Identity, KratosClient User, LoginFlow Flow, LoginCodeMail Mail);
