using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Patching;

public enum PatchOperationKind { Add, Remove, Replace }

/// <summary>One entry of <c>Operations</c>, as the client wrote it.</summary>
/// <param name="Number">1-based, so that error details point at the operation a person sees.</param>
/// <param name="HasValue">Whether a <c>value</c> key was sent at all: <c>"value": null</c> unassigns.</param>
internal sealed record PatchOperation(int Number, PatchOperationKind Kind, string? Path, JsonNode? Value, bool HasValue)
{
    public string Describe() => $"Operation {Number} ({Kind.ToString().ToLowerInvariant()}{(Path is null ? "" : " " + Path)})";
}
