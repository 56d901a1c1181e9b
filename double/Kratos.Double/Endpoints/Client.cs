namespace Kratos.Double.Endpoints;

/// <summary>The three client styles of kratos-mfa-spec.md §3.</summary>
internal enum Client
{
    Browser,
    Spa,
    Api,
}
