using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// Turns operations on a group's <c>members</c> into <see cref="MembershipChange"/> deltas, in the shapes
/// Okta and Entra send: add a list, remove by <c>members[value eq "id"]</c>, Entra's remove with a value
/// list, remove all, replace all.
/// </summary>
internal static class MembershipOperations
{
    /// <summary>Null when the operation changes nothing (an add of an empty list).</summary>
    public static MembershipChange? Apply(PatchOperationKind kind, PatchTarget target, JsonNode? value)
    {
        if (target.SubAttribute is { } sub)
        {
            throw ScimProtocolException.BadRequest(ScimType.Mutability, sub.Mutability == Mutability.ReadOnly
                ? $"'members.{sub.Name}' is read-only."
                : $"'members.{sub.Name}' cannot change; remove the member and add the new one instead.");
        }
        if (target.Filter is { } filter)
        {
            return kind == PatchOperationKind.Remove
                ? new RemoveMembers(MemberIds(filter))
                : throw ScimProtocolException.BadRequest(ScimType.InvalidPath,
                    "Members are added or replaced with a list such as {\"path\": \"members\", \"value\": [{\"value\": \"<id>\"}]}, without a filter.");
        }
        return kind switch
        {
            PatchOperationKind.Add => MemberReferences.Parse(value) is { Count: > 0 } added ? new AddMembers(added) : null,
            PatchOperationKind.Replace => new ReplaceMembers(MemberReferences.Parse(value)),
            _ when value is null => new RemoveAllMembers(),
            _ => MemberReferences.Parse(value) is { Count: > 0 } removed ? new RemoveMembers(removed.Select(m => m.Value).ToList()) : null,
        };
    }

    /// <summary>The ids of <c>value eq "a" or value eq "b"</c>; the members are not loaded, so nothing else can be evaluated.</summary>
    private static List<string> MemberIds(FilterNode filter)
    {
        var ids = new List<string>();
        Collect(filter, ids);
        return ids.Distinct().ToList();
    }

    private static void Collect(FilterNode filter, List<string> ids)
    {
        switch (filter)
        {
            case LogicalFilter { Operator: LogicalOperator.Or } or:
                Collect(or.Left, ids);
                Collect(or.Right, ids);
                break;
            case ComparisonFilter { Operator: ComparisonOperator.Eq, Path: { SchemaUrn: null, SubAttribute: null } path } comparison
                when path.Name.Equals("value", StringComparison.OrdinalIgnoreCase)
                    && comparison.Value is { } literal && literal.TryGetValue(out string? id):
                ids.Add(id);
                break;
            default:
                throw ScimProtocolException.BadRequest(ScimType.InvalidFilter,
                    "Only filters of the form members[value eq \"<id>\"], optionally joined by 'or', are supported on members.");
        }
    }
}
