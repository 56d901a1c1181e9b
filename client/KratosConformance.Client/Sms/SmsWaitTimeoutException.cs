namespace KratosConformance.Client.Sms;

/// <summary>The SMS a test waited for did not reach the sink before its deadline; the message names the deadline and what the sink had.</summary>
public sealed class SmsWaitTimeoutException : Exception
{
    public SmsWaitTimeoutException(string message)
        : base(message)
    {
    }
}
