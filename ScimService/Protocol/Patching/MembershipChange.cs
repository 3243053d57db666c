using Provisioning.ScimService.Protocol.Resources;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// A change to the members of a group. The PATCH engine never loads members (a group may have
/// thousands), so it hands the caller deltas to apply to the members table in order. Each kind
/// says what it does as data — empty the group first, remove these ids, add these members — so
/// whoever applies a change, or asks whom it may affect, reads these instead of switching on the kind.
/// </summary>
public abstract record MembershipChange
{
    private protected MembershipChange()
    {
    }

    /// <summary>Whether every current member goes first (a replace, a removal of all members); those it adds again keep their place.</summary>
    public virtual bool EmptiesGroup => false;

    /// <summary>The member ids removed (ids that are not members are no error).</summary>
    public virtual IReadOnlyList<string> RemovedIds => [];

    /// <summary>The members added, after any removal; those already in the group stay as they are.</summary>
    public virtual IReadOnlyList<MemberReference> Added => [];
}

/// <summary>Adds members; those already in the group stay as they are.</summary>
public sealed record AddMembers(IReadOnlyList<MemberReference> Members) : MembershipChange
{
    public override IReadOnlyList<MemberReference> Added => Members;
    public override string ToString() => "add " + string.Join(", ", Members.Select(m => m.Type is null ? m.Value : $"{m.Value} ({m.Type})"));
}

/// <summary>Removes the members with these ids; ids that are not members are no error.</summary>
public sealed record RemoveMembers(IReadOnlyList<string> MemberIds) : MembershipChange
{
    public override IReadOnlyList<string> RemovedIds => MemberIds;
    public override string ToString() => "remove " + string.Join(", ", MemberIds);
}

public sealed record RemoveAllMembers : MembershipChange
{
    public override bool EmptiesGroup => true;
    public override string ToString() => "remove all";
}

/// <summary>Makes the group's members exactly these (an empty list empties the group).</summary>
public sealed record ReplaceMembers(IReadOnlyList<MemberReference> Members) : MembershipChange
{
    public override bool EmptiesGroup => true;
    public override IReadOnlyList<MemberReference> Added => Members;
    public override string ToString() => "replace with " + string.Join(", ", Members.Select(m => m.Type is null ? m.Value : $"{m.Value} ({m.Type})"));
}
