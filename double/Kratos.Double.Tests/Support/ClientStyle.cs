namespace Kratos.Double.Tests.Support;

public enum ClientStyle
{
    Browser,
    Spa,
    Native,
}
