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
        return new BulkRequest(failOnErrors, operations.Select((op, i) => BulkOperation.Parse(op, i)).ToList());
    }
}
