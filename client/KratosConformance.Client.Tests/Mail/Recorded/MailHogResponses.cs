namespace KratosConformance.Client.Tests.Mail.Recorded;

/// <summary>
/// An answer in the shape of MailHog's API v2 search (MailHog-Server api/v2.go, docs/APIv2 swagger): newest first,
/// each item with parsed Content/MIME and the raw SMTP data. The body is quoted-printable, as Go's mail writer sends it.
/// </summary>
internal static class MailHogResponses
{
    public static string Search(params (string Id, string To, string Subject, string Text, string Created)[] items) => $$"""
    {
      "total": {{items.Length}}, "count": {{items.Length}}, "start": 0,
      "items": [{{string.Join(",", items.Select(Item))}}]
    }
    """;

    private static string Item((string Id, string To, string Subject, string Text, string Created) m)
    {
        var text = m.Text.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("=", "=3D", StringComparison.Ordinal);
        var raw = "From: \"Kratos\" <no-reply@ory.kratos.sh>\r\n"
            + $"To: {m.To}\r\nSubject: {m.Subject}\r\nMessage-ID: <{m.Id}>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=b1\r\n\r\n"
            + $"--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{text}\r\n"
            + $"--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{text}\r\n--b1--\r\n";
        var local = m.To.Split('@');
        return $$"""
        {
          "ID": "{{m.Id}}",
          "From": {"Relays": null, "Mailbox": "no-reply", "Domain": "ory.kratos.sh", "Params": ""},
          "To": [{"Relays": null, "Mailbox": "{{local[0]}}", "Domain": "{{local[1]}}", "Params": ""}],
          "Content": {
            "Headers": {"Content-Type": ["multipart/alternative; boundary=b1"], "Subject": ["{{m.Subject}}"], "To": ["{{m.To}}"], "Message-ID": ["<{{m.Id}}>"]},
            "Body": "(multipart body as received)", "Size": {{raw.Length}}, "MIME": null
          },
          "Created": "{{m.Created}}",
          "MIME": null,
          "Raw": {"From": "no-reply@ory.kratos.sh", "To": ["{{m.To}}"], "Data": {{System.Text.Json.JsonSerializer.Serialize(raw)}}, "Helo": "kratos"}
        }
        """;
    }
}
