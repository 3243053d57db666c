namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// Reads one attribute path word, <c>[URI ":"] ATTRNAME ["." subAttr]</c> (RFC 7644 §3.10).
/// Schema URNs contain dots ("2.0") and colons, so the word splits on its last colon first
/// and only the part after it splits on the dot.
/// </summary>
internal static class AttributePathSyntax
{
    public static AttributePath Parse(string word, int position, string scimType)
    {
        string? urn = null;
        var rest = word;
        var colon = word.LastIndexOf(':');
        if (colon >= 0)
        {
            urn = word[..colon];
            rest = word[(colon + 1)..];
            if (urn.Length == 0 || rest.Length == 0)
            {
                throw ScimProtocolException.BadRequest(scimType,
                    $"'{word}' at position {position + 1} is not an attribute path: expected 'schema-urn:attribute'.");
            }
        }
        var parts = rest.Split('.');
        if (parts.Length > 2)
        {
            throw ScimProtocolException.BadRequest(scimType,
                $"'{word}' at position {position + 1} names more than one sub-attribute: a path is attribute or attribute.subAttribute.");
        }
        var offset = position + (colon + 1);
        foreach (var part in parts)
        {
            if (!IsName(part))
            {
                throw ScimProtocolException.BadRequest(scimType,
                    $"'{part}' at position {offset + 1} is not an attribute name: names start with a letter and hold letters, digits, '-' and '_'.");
            }
            offset += part.Length + 1;
        }
        return new AttributePath(urn, parts[0], parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>ATTRNAME = ALPHA *(nameChar); a leading '$' admits <c>$ref</c> (RFC 7643 §2.1).</summary>
    public static bool IsName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '$')
        && name.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
