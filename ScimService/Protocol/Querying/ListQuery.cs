using System.Globalization;
using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.ScimService.Protocol.Querying;

/// <summary>
/// A list or search request (RFC 7644 §3.4.2, §3.4.3) and cursor paging (RFC 9865), from
/// query parameters or a SearchRequest body; parameter names are case-insensitive.
/// </summary>
public sealed record ListQuery(
    FilterNode? Filter,
    AttributePath? SortBy,
    bool SortDescending,
    int StartIndex,
    int Count,
    string? Cursor,
    Projection Projection)
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;

    /// <summary>Cursor paging is on when the client sent a cursor, even an empty one (the first page).</summary>
    public bool UsesCursor => Cursor is not null;

    public static ListQuery FromQueryString(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var values = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        return Create(values.GetValueOrDefault("filter"), values.GetValueOrDefault("sortBy"), values.GetValueOrDefault("sortOrder"),
            values.GetValueOrDefault("startIndex"), values.GetValueOrDefault("count"),
            values.TryGetValue("cursor", out var cursor) ? cursor ?? "" : null,
            values.GetValueOrDefault("attributes"), values.GetValueOrDefault("excludedAttributes"));
    }

    /// <summary>A SearchRequest body (POST …/.search).</summary>
    public static ListQuery FromSearchRequest(JsonObject body)
    {
        var values = JsonMembers.ByName(body, "the search request");
        if (values.TryGetValue("schemas", out var schemas) && !(schemas is JsonArray array
            && array.Any(s => s is JsonValue v && v.TryGetValue<string>(out var urn) && urn == ScimSchemas.SearchRequest)))
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"A search request's schemas must be [\"{ScimSchemas.SearchRequest}\"].");
        }
        return Create(Text(values, "filter"), Text(values, "sortBy"), Text(values, "sortOrder"), Text(values, "startIndex"), Text(values, "count"),
            values.ContainsKey("cursor") ? Text(values, "cursor") ?? "" : null, List(values, "attributes"), List(values, "excludedAttributes"));
    }

    private static ListQuery Create(string? filter, string? sortBy, string? sortOrder, string? startIndex, string? count,
        string? cursor, string? attributes, string? excludedAttributes)
    {
        var descending = sortOrder?.ToLowerInvariant() switch
        {
            null or "" or "ascending" => false,
            "descending" => true,
            _ => throw ScimProtocolException.BadRequest(ScimType.InvalidValue, "sortOrder must be \"ascending\" or \"descending\"."),
        };
        return new ListQuery(
            string.IsNullOrWhiteSpace(filter) ? null : FilterParser.Parse(filter),
            string.IsNullOrWhiteSpace(sortBy) ? null : FilterParser.ParseAttributePath(sortBy.Trim()),
            descending,
            // RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0.
            Math.Max(1, Integer(startIndex, "startIndex") ?? 1),
            Math.Clamp(Integer(count, "count") ?? DefaultCount, 0, MaxCount),
            cursor,
            Projection.Parse(attributes, excludedAttributes));
    }

    private static int? Integer(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
        }
        throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"{name} must be an integer; got '{Shorten(text)}'.");
    }

    private static string? Text(Dictionary<string, JsonNode?> values, string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"{name} must be a single value."),
    };

    private static string? List(Dictionary<string, JsonNode?> values, string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonArray array => string.Join(',', array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"{name} must be an array of attribute names."))),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"{name} must be an array of attribute names."),
    };

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
