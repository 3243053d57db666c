namespace Provisioning.ScimService.Groups;

public static class MemberTypes
{
    public const string User = "User";
    public const string Group = "Group";
}

/// <summary>One membership: a user or a group in a group of the same connection.</summary>
public sealed class GroupMember
{
    public Guid ConnectionId { get; init; }
    public Guid GroupId { get; init; }
    public Guid MemberId { get; init; }
    public required string MemberType { get; init; }
}
