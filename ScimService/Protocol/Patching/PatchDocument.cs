using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// The working copy a PATCH changes, operation by operation: a deep clone of the stored attributes, so a
/// failing operation leaves the caller's copy untouched, plus what is not kept in the attributes.
/// </summary>
internal sealed class PatchDocument(JsonObject attributes, ResourceTypeDefinition type)
{
    public JsonObject Attributes { get; } = attributes;
    public ResourceTypeDefinition Type { get; } = type;
    public string? Password { get; private set; }
    public List<MembershipChange> MembershipChanges { get; } = [];
    public UndeclaredAttributes Undeclared { get; } = new(type);

    /// <summary>Routes an operation on one target: the password and group members go aside, the rest changes the attributes.</summary>
    public void Apply(PatchOperationKind kind, PatchTarget target, JsonNode? value)
    {
        if (ResourceNormalizer.IsPassword(target.Attribute))
        {
            Password = kind != PatchOperationKind.Remove && value is not null
                ? ResourceNormalizer.ReadPassword(value)
                : throw ScimProtocolException.BadRequest(ScimType.Mutability, "'password' cannot be removed, only replaced with a new one.");
        }
        else if (MemberReferences.IsGroupMembers(target.Attribute))
        {
            if (MembershipOperations.Apply(kind, target, value) is { } change)
            {
                MembershipChanges.Add(change);
            }
        }
        else if (target.IsReadOnly)
        {
            throw ScimProtocolException.BadRequest(ScimType.Mutability, $"'{target.Path}' is read-only: the server sets it.");
        }
        else
        {
            var primaries = PrimaryValues.Before(target, Attributes);
            PathOperations.Apply(kind, target, value, Attributes);
            PrimaryValues.DemoteOthers(target, Attributes, primaries);
        }
    }
}
