using Provisioning.ScimService.Protocol.Resources;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// A change to the members of a group. The PATCH engine never loads members (a group may have
/// thousands), so it hands the caller deltas to apply to the members table in order.
/// </summary>
public abstract record MembershipChange
{
    private protected MembershipChange()
    {
    }
}

/// <summary>Adds members; those already in the group stay as they are.</summary>
public sealed record AddMembers(IReadOnlyList<MemberReference> Members) : MembershipChange
{
    public override string ToString() => "add " + string.Join(", ", Members.Select(m => m.Type is null ? m.Value : $"{m.Value} ({m.Type})"));
}

/// <summary>Removes the members with these ids; ids that are not members are no error.</summary>
public sealed record RemoveMembers(IReadOnlyList<string> MemberIds) : MembershipChange
{
    public override string ToString() => "remove " + string.Join(", ", MemberIds);
}

public sealed record RemoveAllMembers : MembershipChange
{
    public override string ToString() => "remove all";
}

/// <summary>Makes the group's members exactly these (an empty list empties the group).</summary>
public sealed record ReplaceMembers(IReadOnlyList<MemberReference> Members) : MembershipChange
{
    public override string ToString() => "replace with " + string.Join(", ", Members.Select(m => m.Type is null ? m.Value : $"{m.Value} ({m.Type})"));
}
