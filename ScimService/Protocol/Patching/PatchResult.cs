using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Resources;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// What a PATCH leaves: the attributes to store, the password it set (validated, then dropped by the caller: never stored), and
/// the membership deltas for a group's members table, in request order.
/// </summary>
/// <param name="AttributesChanged">False when the attributes equal the stored ones: identity providers resend the same PATCH,
/// and the caller then skips the write. Whether the membership deltas change anything only their writes can tell
/// (a member added again, a non-member removed), so a group changes when either does.</param>
public sealed record PatchResult(JsonObject Attributes, string? Password, IReadOnlyList<MembershipChange> MembershipChanges, bool AttributesChanged)
{
    /// <summary>Attributes the connection does not declare, accepted and not kept.</summary>
    public IReadOnlyList<UndeclaredAttribute> NotKept { get; init; } = [];
}
