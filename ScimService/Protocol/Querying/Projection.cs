using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.ScimService.Protocol.Querying;

/// <summary>The <c>attributes</c> and <c>excludedAttributes</c> a client asked for (RFC 7644 §3.4.2.5).</summary>
public sealed record Projection(IReadOnlyList<AttributePath>? Attributes, IReadOnlyList<AttributePath>? ExcludedAttributes)
{
    public static readonly Projection Default = new(null, null);

    public static Projection Parse(string? attributes, string? excludedAttributes) =>
        new(ParseList(attributes), ParseList(excludedAttributes));

    public static Projection FromQueryString(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var values = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        return Parse(values.GetValueOrDefault("attributes"), values.GetValueOrDefault("excludedAttributes"));
    }

    private static List<AttributePath>? ParseList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(FilterParser.ParseAttributePath)
                .ToList();
}
