using System.Text;
using System.Text.RegularExpressions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What a query string or a message may carry into traces and logs: attribute names, operators and
/// paging, never a value an IdP sent (a filter compares userName with an email). Values become "…".
/// </summary>
public static partial class TelemetryRedaction
{
    public const string Hidden = "…";

    /// <summary>Parameters whose values are names or numbers of ours, never a person's data.</summary>
    private static readonly HashSet<string> StructuralParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "startIndex", "count", "attributes", "excludedAttributes", "sortBy", "sortOrder", "cursor",
    };

    /// <summary>
    /// <c>?filter=userName eq "jane@example.com"&amp;count=2</c> becomes <c>?filter=userName eq "…"&amp;count=2</c>:
    /// a filter keeps its attribute paths and operators, its literals go; any other unknown parameter keeps only its name.
    /// </summary>
    public static string Query(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return query ?? "";
        }
        var redacted = new StringBuilder(query.Length);
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            redacted.Append(redacted.Length == 0 ? '?' : '&');
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            redacted.Append(name);
            if (equals < 0)
            {
                continue;
            }
            var value = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            redacted.Append('=').Append(
                name.Equals("filter", StringComparison.OrdinalIgnoreCase) ? Filter(value)
                : StructuralParameters.Contains(name) ? Text(value)
                : Hidden);
        }
        return redacted.ToString();
    }

    /// <summary>A SCIM filter with every literal (string, number, boolean, date) replaced: paths and operators stay.</summary>
    public static string Filter(string filter) => Literal().Replace(QuotedString().Replace(filter, "\"" + Hidden + "\""), Hidden);

    /// <summary>A message with quoted values and anything shaped like an email replaced.</summary>
    public static string Text(string text) => Email().Replace(QuotedString().Replace(text, match => match.Value[0] + Hidden + match.Value[0]), Hidden);

    /// <summary>A URL with its query redacted (<see cref="Query"/>).</summary>
    public static string Url(Uri url) => url.GetLeftPart(UriPartial.Path) + Query(url.Query);

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex QuotedString();

    /// <summary>A bare literal after a comparison operator: a number, true/false/null, or anything up to the next space or bracket.</summary>
    [GeneratedRegex("(?<=\\b(?:eq|ne|co|sw|ew|gt|ge|lt|le)\\s+)(?!\")[^\\s\\)\\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex Literal();

    [GeneratedRegex("[^\\s@\"'<>(),;]+@[^\\s@\"'<>(),;]+")]
    private static partial Regex Email();
}
