namespace Provisioning.ScimService.Groups;

/// <summary>
/// What a group's membership writes did: the member rows inserted and deleted. A member added again, a non-member
/// removed or an id that names nothing moves none, and a group whose rows did not move keeps its version.
/// </summary>
public readonly record struct MemberRowsMoved(int Added, int Removed)
{
    public bool Any => Added + Removed > 0;

    public static MemberRowsMoved operator +(MemberRowsMoved a, MemberRowsMoved b) => new(a.Added + b.Added, a.Removed + b.Removed);

    /// <summary>For the provisioning log: what happened, not what was asked ("1 member(s) added, 2 removed").</summary>
    public string Summary => (Added, Removed) switch
    {
        (> 0, > 0) => $"{Added} member(s) added, {Removed} removed",
        (> 0, _) => $"{Added} member(s) added",
        _ => $"{Removed} member(s) removed",
    };
}
