namespace KratosConformance.Client.Tests.Mail.Recorded;

/// <summary>
/// Answers of Kratos's <c>GET /admin/courier/messages?recipient=</c> (courier/handler.go, spec §5.6), newest first,
/// with and without --dev.
/// </summary>
internal static class CourierResponses
{
    public const string Dev = """
    [
      {
        "id": "6c1c4f2b-9d0a-4f3e-a3c6-1d2e3f405162", "status": "sent", "type": "email", "channel": "email",
        "recipient": "alice@example.test", "subject": "Use code 222222 to log in",
        "body": "Login to your account with the following code:\n\n222222\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 1,
        "created_at": "2026-03-20T10:00:02.000000Z", "updated_at": "2026-03-20T10:00:02.200000Z",
        "dispatches": [{"id": "d2", "message_id": "6c1c4f2b-9d0a-4f3e-a3c6-1d2e3f405162", "status": "success", "created_at": "2026-03-20T10:00:02.200000Z", "updated_at": "2026-03-20T10:00:02.200000Z"}]
      },
      {
        "id": "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f", "status": "queued", "type": "email", "channel": "email",
        "recipient": "alice@example.test", "subject": "Use code 111111 to log in",
        "body": "Login to your account with the following code:\n\n111111\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 0,
        "created_at": "2026-03-20T10:00:00.000000Z", "updated_at": "2026-03-20T10:00:00.000000Z"
      }
    ]
    """;

    public const string Redacted = """
    [
      {
        "id": "6c1c4f2b-9d0a-4f3e-a3c6-1d2e3f405162", "status": "sent", "type": "email", "channel": "email",
        "recipient": "alice@example.test", "subject": "<redacted-unless-dev-mode>", "body": "<redacted-unless-dev-mode>",
        "template_type": "login_code_valid", "send_count": 1,
        "created_at": "2026-03-20T10:00:02.000000Z", "updated_at": "2026-03-20T10:00:02.200000Z"
      }
    ]
    """;
}
