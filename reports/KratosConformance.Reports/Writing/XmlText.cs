using System.Globalization;
using System.Text;
using System.Xml;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// Makes arbitrary text (failure messages carry response bodies, ANSI escapes from logs) legal XML 1.0 content:
/// XmlWriter refuses control characters, and a junit.xml that does not parse loses the whole CI test tab.
/// </summary>
public static class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return builder?.ToString() ?? text;
    }
}
