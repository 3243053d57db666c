using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// A POST or PUT body in storage form: <see cref="Attributes"/> holds canonical attribute names and no
/// id, meta, schemas, password, groups or members; the clear password and the group members travel
/// beside it because they are stored elsewhere.
/// </summary>
/// <param name="Members">Null for users and when the body has no <c>members</c> key: a PUT without
/// <c>members</c> is not a PUT that empties the group.</param>
public sealed record NormalizedResource(JsonObject Attributes, string? Password, IReadOnlyList<MemberReference>? Members)
{
    /// <summary>Attributes the connection does not declare, accepted and not kept (see <see cref="UndeclaredAttributes"/>).</summary>
    public IReadOnlyList<UndeclaredAttribute> NotKept { get; init; } = [];
}

/// <summary>A member of a group: the id of a User or a Group, and which of the two it is when the client said so.</summary>
public sealed record MemberReference(string Value, string? Type);
