namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// An aal2 login A started and sent a code for, not finished before the upgrade: the user's aal1 token, the flow, the
/// code in the mail, and the flow's state on A.
/// </summary>
public sealed record InFlightLogin(SeededIdentity Identity, string Token, string FlowId, string Code, string StateBefore);
