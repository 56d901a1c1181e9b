namespace KratosConformance.Suites.Checks;

/// <summary>
/// A check as a first-class record (the OpenID conformance suite's model): a stable <see cref="Id"/> reports and
/// compare key on, the <see cref="Rule"/> it enforces in one sentence, and the documented response fields it reads
/// (<see cref="Fields"/>, in OpenAPI schema terms such as <c>loginFlow.state</c>), from which the field-coverage table
/// is built. Each check class declares its definitions beside the code that evaluates them; the spec section a single
/// evaluation rests on is given where it is called.
/// </summary>
public sealed record CheckDefinition(string Id, string Rule, params string[] Fields)
{
    public override string ToString() => Id;
}
