using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Querying;

namespace Provisioning.ScimService.Groups;

/// <summary>
/// Every membership write of a group goes through here, as <see cref="MembershipChange"/>s: a PATCH's
/// changes as the engine returns them, a PUT's members as a replace, a POST's as an add.
/// </summary>
public sealed class MembershipDeltas(ScimDbContext db, ILogger<MembershipDeltas> logger)
{
    /// <summary>Applies one change and says which member rows it inserted and deleted (none for a change that changes nothing).</summary>
    public async Task<MemberRowsMoved> ApplyAsync(Guid connectionId, Guid groupId, MembershipChange change, CancellationToken cancellationToken)
    {
        var removed = 0;
        if (change.EmptiesGroup)
        {
            // The members it adds again keep their rows; the others go.
            removed += await Memberships.RemoveAllButAsync(db, connectionId, groupId, change.Added.Select(m => m.Value), cancellationToken);
        }
        if (change.RemovedIds.Count > 0)
        {
            removed += await Memberships.RemoveAsync(db, connectionId, groupId, change.RemovedIds, cancellationToken);
        }
        var added = change.Added.Count > 0 ? await AddAsync(connectionId, groupId, change.Added.Select(m => m.Value), cancellationToken) : 0;
        return new MemberRowsMoved(added, removed);
    }

    /// <summary>The users whose membership these changes may move: read only for a group mapped to a role.</summary>
    public async Task<HashSet<Guid>> AffectedUsersAsync(Guid connectionId, Guid groupId, IReadOnlyList<MembershipChange> changes, CancellationToken cancellationToken)
    {
        var affected = new HashSet<Guid>();
        if (changes.Any(c => c.EmptiesGroup))
        {
            affected.UnionWith(await Memberships.UserMemberIdsAsync(db, connectionId, groupId, cancellationToken));
        }
        foreach (var change in changes)
        {
            affected.UnionWith(Guids(change.Added.Select(m => m.Value).Concat(change.RemovedIds)));
        }
        return affected;
    }

    /// <summary>
    /// An IdP does not retry a 400, so one unknown member id must not lose a whole push: the
    /// known members are added, the unknown ids are skipped and logged.
    /// </summary>
    private async Task<int> AddAsync(Guid connectionId, Guid groupId, IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var (inserted, unknown) = await Memberships.AddAsync(db, connectionId, groupId, values, cancellationToken);
        if (unknown.Count > 0)
        {
            logger.LogWarning("Skipped {Count} member id(s) of group {GroupId} that name no user or group of connection {ConnectionId}: {MemberIds}",
                unknown.Count, groupId, connectionId, string.Join(", ", unknown.Take(20).Select(v => ListQuery.Shorten(v))));
        }
        return inserted;
    }

    private static IEnumerable<Guid> Guids(IEnumerable<string> values) =>
        values.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty);
}
