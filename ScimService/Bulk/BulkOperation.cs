using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Bulk;

/// <summary>One operation of a bulk request, with its <c>bulkId:</c> references.</summary>
public sealed partial record BulkOperation(string Method, string Path, string? BulkId, string? Version, JsonObject? Data)
{
    private const string ReferencePrefix = "bulkId:";

    public static BulkOperation Parse(JsonNode? node, int index)
    {
        if (node is not JsonObject op)
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"Operation {index + 1} is not a JSON object.");
        }
        var values = JsonMembers.ByName(op, $"operation {index + 1}");
        var method = Text(values, "method", index)?.ToUpperInvariant();
        if (method is not ("POST" or "PUT" or "PATCH" or "DELETE"))
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"Operation {index + 1}: method must be POST, PUT, PATCH or DELETE.");
        }
        var path = Text(values, "path", index) ?? throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"Operation {index + 1} has no path.");
        var bulkId = Text(values, "bulkId", index);
        if (method == "POST" && string.IsNullOrEmpty(bulkId))
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"Operation {index + 1}: a POST needs a bulkId.");
        }
        var data = values.GetValueOrDefault("data") switch
        {
            null => null,
            JsonObject o => o,
            _ => throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"Operation {index + 1}: data must be a JSON object."),
        };
        if (method is "POST" or "PUT" or "PATCH" && data is null)
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"Operation {index + 1}: {method} needs data.");
        }
        return new BulkOperation(method, path, bulkId, Text(values, "version", index), data);
    }

    /// <summary>
    /// What the path names: its endpoint in lower case (<c>users</c>, <c>groups</c>, or whatever was written) and the id
    /// after it, if any; null for a path of more than two segments.
    /// </summary>
    public (string Endpoint, string? Id)? Target()
    {
        var segments = Path.Trim('/').Split('/');
        return segments.Length switch
        {
            1 => (segments[0].ToLowerInvariant(), null),
            2 => (segments[0].ToLowerInvariant(), segments[1]),
            _ => null,
        };
    }

    /// <summary>The bulkIds this operation refers to, in its path and anywhere in its data.</summary>
    public IEnumerable<string> References()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in ReferencePattern().Matches(Path))
        {
            found.Add(match.Groups[1].Value);
        }
        Collect(Data, found);
        return found;
    }

    public BulkOperation Resolve(IReadOnlyDictionary<string, string> createdIds) => this with
    {
        Path = ReferencePattern().Replace(Path, m => createdIds.GetValueOrDefault(m.Groups[1].Value, m.Value)),
        Data = Data is null ? null : (JsonObject)Replace(Data.DeepClone(), createdIds)!,
    };

    private static void Collect(JsonNode? node, HashSet<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) Collect(value, found);
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, found);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith(ReferencePrefix, StringComparison.Ordinal):
                found.Add(s[ReferencePrefix.Length..]);
                break;
        }
    }

    private static JsonNode? Replace(JsonNode? node, IReadOnlyDictionary<string, string> createdIds)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList()) o[key] = Replace(o[key]?.DeepClone(), createdIds);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) a[i] = Replace(a[i]?.DeepClone(), createdIds);
                return a;
            case JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith(ReferencePrefix, StringComparison.Ordinal)
                && createdIds.TryGetValue(s[ReferencePrefix.Length..], out var id):
                return JsonValue.Create(id);
            default:
                return node;
        }
    }

    private static string? Text(Dictionary<string, JsonNode?> values, string name, int index) => values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"Operation {index + 1}: {name} must be a string."),
    };

    [GeneratedRegex("bulkId:([^/]+)")]
    private static partial Regex ReferencePattern();
}
