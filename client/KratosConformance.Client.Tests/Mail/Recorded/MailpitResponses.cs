namespace KratosConformance.Client.Tests.Mail.Recorded;

/// <summary>
/// Answers in the shape of Mailpit v1.30's API (server/apiv1, swagger at /api/v1/swagger.json): search summaries,
/// newest first, and one full message. Two mails to alice (v26 and an older resend), one to "malice" that a loose
/// search would also return.
/// </summary>
internal static class MailpitResponses
{
    public const string Search = """
    {
      "total": 3, "unread": 3, "count": 3, "messages_count": 3, "messages_unread": 3, "start": 0, "tags": [],
      "messages": [
        {
          "ID": "Xq3V7kKdRkS4m2wD6EvP2c", "MessageID": "c2@ory.kratos.sh", "Read": false,
          "From": {"Name": "Kratos", "Address": "no-reply@ory.kratos.sh"},
          "To": [{"Name": "", "Address": "Alice@Example.test"}], "Cc": [], "Bcc": [], "ReplyTo": [],
          "Subject": "Use code 222222 to log in", "Created": "2026-03-20T10:00:02.250Z", "Username": "", "Tags": [],
          "Size": 1210, "Attachments": 0, "Snippet": "Login to your account with the following code: 222222 It expires in 60 minutes."
        },
        {
          "ID": "mAl1cE00000000000000000", "MessageID": "m1@ory.kratos.sh", "Read": false,
          "From": {"Name": "Kratos", "Address": "no-reply@ory.kratos.sh"},
          "To": [{"Name": "", "Address": "malice@example.test"}], "Cc": [], "Bcc": [], "ReplyTo": [],
          "Subject": "Use code 999999 to log in", "Created": "2026-03-20T10:00:01.500Z", "Username": "", "Tags": [],
          "Size": 1210, "Attachments": 0, "Snippet": "Login to your account with the following code: 999999"
        },
        {
          "ID": "Kd8pQ2nYwB3uJ5tH9xLcRa", "MessageID": "c1@ory.kratos.sh", "Read": false,
          "From": {"Name": "Kratos", "Address": "no-reply@ory.kratos.sh"},
          "To": [{"Name": "", "Address": "alice@example.test"}], "Cc": [], "Bcc": [], "ReplyTo": [],
          "Subject": "Use code 111111 to log in", "Created": "2026-03-20T10:00:00.125Z", "Username": "", "Tags": [],
          "Size": 1210, "Attachments": 0, "Snippet": "Login to your account with the following code: 111111 It expires in 60 minutes."
        }
      ]
    }
    """;

    public const string Empty = """
    {"total": 3, "unread": 3, "count": 0, "messages_count": 0, "messages_unread": 0, "start": 0, "tags": [], "messages": []}
    """;

    public static string Message(string id, string messageId, string to, string code, string created) => $$"""
    {
      "ID": "{{id}}", "MessageID": "{{messageId}}",
      "From": {"Name": "Kratos", "Address": "no-reply@ory.kratos.sh"},
      "To": [{"Name": "", "Address": "{{to}}"}], "Cc": [], "Bcc": [], "ReplyTo": [], "ReturnPath": "no-reply@ory.kratos.sh",
      "Subject": "Use code {{code}} to log in", "ListUnsubscribe": {"Header": "", "Links": [], "Errors": "", "HeaderPost": ""},
      "Date": "{{created}}", "Tags": [], "Username": "",
      "Text": "Login to your account with the following code:\r\n\r\n{{code}}\r\n\r\nIt expires in 60 minutes.\r\n",
      "HTML": "Login to your account with the following code:\r\n\r\n{{code}}\r\n\r\nIt expires in 60 minutes.\r\n",
      "Size": 1210, "Inline": [], "Attachments": []
    }
    """;
}
