namespace KratosConformance.Client.Tests.Mail.Recorded;

/// <summary>
/// Answers of Kratos's <c>GET /admin/courier/messages?recipient=</c> (courier/handler.go, spec §5.6; OpenAPI schema
/// <c>message</c>), newest first, with and without --dev. The list is not eager, so it carries no dispatches; a
/// message's dispatches (each failed one with the herodot error Kratos recorded, persister_courier.go RecordDispatch)
/// come from <c>GET /admin/courier/messages/{id}</c>.
/// </summary>
internal static class CourierResponses
{
    /// <summary>Two delivered login-code mails (--dev: subject and body readable).</summary>
    public const string Dev = """
    [
      {
        "id": "6c1c4f2b-9d0a-4f3e-a3c6-1d2e3f405162", "status": "sent", "type": "email", "channel": "email",
        "recipient": "alice@example.test", "subject": "Use code 222222 to log in",
        "body": "Login to your account with the following code:\n\n222222\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 1,
        "created_at": "2026-03-20T10:00:02.000000Z", "updated_at": "2026-03-20T10:00:02.200000Z"
      },
      {
        "id": "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f", "status": "sent", "type": "email", "channel": "email",
        "recipient": "alice@example.test", "subject": "Use code 111111 to log in",
        "body": "Login to your account with the following code:\n\n111111\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 1,
        "created_at": "2026-03-20T10:00:00.000000Z", "updated_at": "2026-03-20T10:00:00.100000Z"
      }
    ]
    """;

    /// <summary>One message of each status that is not (yet) delivered, and one that is.</summary>
    public const string Mixed = """
    [
      {
        "id": "a4", "status": "processing", "type": "email", "channel": "email", "recipient": "alice@example.test",
        "subject": "Use code 444444 to log in", "body": "Login to your account with the following code:\n\n444444\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 0, "created_at": "2026-03-20T10:00:04Z", "updated_at": "2026-03-20T10:00:04Z"
      },
      {
        "id": "a3", "status": "queued", "type": "email", "channel": "email", "recipient": "alice@example.test",
        "subject": "Use code 333333 to log in", "body": "Login to your account with the following code:\n\n333333\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 0, "created_at": "2026-03-20T10:00:03Z", "updated_at": "2026-03-20T10:00:03Z"
      },
      {
        "id": "a2", "status": "sent", "type": "email", "channel": "email", "recipient": "alice@example.test",
        "subject": "Use code 222222 to log in", "body": "Login to your account with the following code:\n\n222222\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 1, "created_at": "2026-03-20T10:00:02Z", "updated_at": "2026-03-20T10:00:02Z"
      },
      {
        "id": "a1", "status": "abandoned", "type": "email", "channel": "email", "recipient": "alice@example.test",
        "subject": "Use code 111111 to log in", "body": "Login to your account with the following code:\n\n111111\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 5, "created_at": "2026-03-20T10:00:01Z", "updated_at": "2026-03-20T10:00:09Z"
      }
    ]
    """;

    /// <summary>A login-code mail the courier gave up on: SMTP pointed at a closed port.</summary>
    public const string Abandoned = """
    [
      {
        "id": "7d3c2b1a-0000-4000-8000-000000000001", "status": "abandoned", "type": "email", "channel": "email",
        "recipient": "alice@example.test", "subject": "Use code 111111 to log in",
        "body": "Login to your account with the following code:\n\n111111\n\nIt expires in 60 minutes.\n",
        "template_type": "login_code_valid", "send_count": 5,
        "created_at": "2026-03-20T10:00:00.000000Z", "updated_at": "2026-03-20T10:00:05.000000Z"
      }
    ]
    """;

    public const string AbandonedDetail = """
    {
      "id": "7d3c2b1a-0000-4000-8000-000000000001", "status": "abandoned", "type": "email", "channel": "email",
      "recipient": "alice@example.test", "subject": "Use code 111111 to log in",
      "body": "Login to your account with the following code:\n\n111111\n\nIt expires in 60 minutes.\n",
      "template_type": "login_code_valid", "send_count": 5,
      "created_at": "2026-03-20T10:00:00.000000Z", "updated_at": "2026-03-20T10:00:05.000000Z",
      "dispatches": [
        {"id": "d1", "message_id": "7d3c2b1a-0000-4000-8000-000000000001", "status": "failed", "created_at": "2026-03-20T10:00:01Z", "updated_at": "2026-03-20T10:00:01Z",
         "error": {"code": 500, "status": "Internal Server Error", "message": "failed to send email via smtp: dial tcp 127.0.0.1:1: connect: connection refused"}},
        {"id": "d2", "message_id": "7d3c2b1a-0000-4000-8000-000000000001", "status": "failed", "created_at": "2026-03-20T10:00:04Z", "updated_at": "2026-03-20T10:00:04Z",
         "error": {"code": 500, "status": "Internal Server Error", "message": "failed to send email via smtp: dial tcp 127.0.0.1:1: connect: connection refused"}}
      ]
    }
    """;

    /// <summary>A message back in the queue after two failed attempts, no --dev (subject and body redacted).</summary>
    public const string Retrying = """
    [
      {
        "id": "7d3c2b1a-0000-4000-8000-000000000002", "status": "queued", "type": "email", "channel": "email",
        "recipient": "alice@example.test", "subject": "<redacted-unless-dev-mode>", "body": "<redacted-unless-dev-mode>",
        "template_type": "login_code_valid", "send_count": 2,
        "created_at": "2026-03-20T10:00:00.000000Z", "updated_at": "2026-03-20T10:00:02.000000Z"
      }
    ]
    """;

    public const string RetryingDetail = """
    {
      "id": "7d3c2b1a-0000-4000-8000-000000000002", "status": "queued", "type": "email", "channel": "email",
      "recipient": "alice@example.test", "subject": "<redacted-unless-dev-mode>", "body": "<redacted-unless-dev-mode>",
      "template_type": "login_code_valid", "send_count": 2,
      "created_at": "2026-03-20T10:00:00.000000Z", "updated_at": "2026-03-20T10:00:02.000000Z",
      "dispatches": [
        {"id": "d3", "message_id": "7d3c2b1a-0000-4000-8000-000000000002", "status": "failed", "created_at": "2026-03-20T10:00:01Z", "updated_at": "2026-03-20T10:00:01Z",
         "error": {"code": 500, "status": "Internal Server Error", "reason": "failed to send email via smtp: 535 authentication failed"}}
      ]
    }
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
