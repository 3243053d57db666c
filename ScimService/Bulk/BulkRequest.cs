using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Bulk;

public sealed record BulkRequest(int? FailOnErrors, IReadOnlyList<BulkOperation> Operations)
{
    public static BulkRequest Parse(JsonObject body)
    {
        var values = JsonMembers.ByName(body, "the bulk request");
        if (values.TryGetValue("schemas", out var schemas)
            && !(schemas is JsonArray array && array.Any(s => s is JsonValue v && v.TryGetValue<string>(out var urn) && urn == ScimSchemas.BulkRequest)))
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"A bulk request's schemas must be [\"{ScimSchemas.BulkRequest}\"].");
        }
        int? failOnErrors = values.GetValueOrDefault("failOnErrors") switch
        {
            null => null,
            JsonValue v when v.TryGetValue<int>(out var n) && n >= 1 => n,
            _ => throw ScimProtocolException.BadRequest(ScimType.InvalidValue, "failOnErrors must be a positive integer."),
        };
        if (values.GetValueOrDefault("Operations") is not JsonArray operations)
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, "A bulk request needs an \"Operations\" array.");
        }
        var parsed = operations.Select((op, i) => BulkOperation.Parse(op, i)).ToList();
        RefuseDuplicateBulkIds(parsed);
        return new BulkRequest(failOnErrors, parsed);
    }

    /// <summary>
    /// RFC 7644 §3.7: a bulkId is "unique within a bulk request". A repeated one would leave its
    /// references meaning whichever operation ran last, so the request is refused before anything runs.
    /// </summary>
    private static void RefuseDuplicateBulkIds(IReadOnlyList<BulkOperation> operations)
    {
        var firstUse = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i].BulkId is { } bulkId && !firstUse.TryAdd(bulkId, i))
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidValue,
                    $"bulkId '{bulkId}' is used by operations {firstUse[bulkId] + 1} and {i + 1}; a bulkId must be unique within a bulk request.");
            }
        }
    }
}
