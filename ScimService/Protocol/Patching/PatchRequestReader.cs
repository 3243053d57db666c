using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>Reads the PatchOp message of RFC 7644 §3.5.2, with the spellings identity providers use:
/// keys in any case, <c>"op": "Replace"</c>, an empty path for none.</summary>
internal static class PatchRequestReader
{
    public const int MaxOperations = 1000;

    public static IReadOnlyList<PatchOperation> Read(JsonObject request)
    {
        CheckSchemas(Property(request, "schemas"));
        if (Property(request, "Operations") is not JsonArray { Count: > 0 } operations)
        {
            throw Syntax("A PATCH request needs a non-empty 'Operations' array.");
        }
        if (operations.Count > MaxOperations)
        {
            throw Syntax($"A PATCH request has {operations.Count} operations; at most {MaxOperations} are accepted. Send several requests.");
        }
        return operations.Select((operation, index) => ReadOperation(operation, index + 1)).ToList();
    }

    /// <summary>An absent <c>schemas</c> is accepted: the endpoint and the body leave no doubt.</summary>
    private static void CheckSchemas(JsonNode? schemas)
    {
        if (schemas is null)
        {
            return;
        }
        var urns = schemas is JsonArray array ? array.Select(s => s is JsonValue v && v.TryGetValue(out string? urn) ? urn : null).ToList() : [];
        if (urns.Count == 0 || urns.Any(u => !string.Equals(u, ScimSchemas.PatchOp, StringComparison.OrdinalIgnoreCase)))
        {
            throw Syntax($"The 'schemas' of a PATCH request must be [\"{ScimSchemas.PatchOp}\"].");
        }
    }

    private static PatchOperation ReadOperation(JsonNode? node, int number)
    {
        if (node is not JsonObject operation)
        {
            throw Syntax($"Operation {number} must be an object with 'op', 'path' and 'value'.");
        }
        var kind = Text(Property(operation, "op")) switch
        {
            { } op when op.Equals("add", StringComparison.OrdinalIgnoreCase) => PatchOperationKind.Add,
            { } op when op.Equals("remove", StringComparison.OrdinalIgnoreCase) => PatchOperationKind.Remove,
            { } op when op.Equals("replace", StringComparison.OrdinalIgnoreCase) => PatchOperationKind.Replace,
            var op => throw Syntax($"Operation {number} has op {(op is null ? "missing" : $"'{op}'")}; expected add, remove or replace."),
        };
        var pathNode = Property(operation, "path");
        var path = Text(pathNode);
        if (pathNode is not null && path is null)
        {
            throw Syntax($"Operation {number} has a 'path' that is not a string.");
        }
        var hasValue = operation.Any(p => p.Key.Equals("value", StringComparison.OrdinalIgnoreCase));
        if (kind != PatchOperationKind.Remove && !hasValue)
        {
            throw Syntax($"Operation {number} ({kind.ToString().ToLowerInvariant()}) needs a 'value'.");
        }
        return new PatchOperation(number, kind, string.IsNullOrWhiteSpace(path) ? null : path.Trim(), Property(operation, "value"), hasValue);
    }

    private static JsonNode? Property(JsonObject json, string name) =>
        json.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? text) ? text : null;

    private static ScimProtocolException Syntax(string detail) => ScimProtocolException.BadRequest(ScimType.InvalidSyntax, detail);
}
