using Microsoft.EntityFrameworkCore;

namespace Provisioning.ScimService.Groups;

/// <summary>A group member as a group's <c>members</c> attribute shows it.</summary>
public sealed record MemberView(Guid Id, string Type, string? Display);

/// <summary>
/// Membership writes as deltas in SQL: adding one member to a group of 100,000 touches one
/// row, never loads the others, and is idempotent under retries and concurrent PATCHes.
/// </summary>
public static class Memberships
{
    /// <summary>
    /// Adds the ids that name a user or another group of the same connection; returns how many rows were inserted
    /// (a member added again is none) and the ids that name nothing.
    /// </summary>
    public static async Task<(int Inserted, IReadOnlyList<string> Unknown)> AddAsync(ScimDbContext db, Guid connectionId, Guid groupId, IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var (ids, malformed) = Parse(values);
        if (ids.Length == 0)
        {
            return (0, malformed);
        }
        // One statement: the ids that name a member are inserted (a retried add changes nothing) and returned,
        // each with whether its row is new, so the caller learns without another read whether the group changed.
        var known = await db.Database.SqlQuery<KnownMember>($"""
            WITH known AS (
                SELECT u.id, 'User' AS member_type FROM scim_users u WHERE u.connection_id = {connectionId} AND u.id = ANY({ids})
                UNION ALL
                SELECT g.id, 'Group' FROM scim_groups g WHERE g.connection_id = {connectionId} AND g.id = ANY({ids}) AND g.id <> {groupId}),
            added AS (
                INSERT INTO scim_group_members (connection_id, group_id, member_id, member_type)
                SELECT {connectionId}, {groupId}, id, member_type FROM known
                ON CONFLICT (connection_id, group_id, member_id) DO NOTHING
                RETURNING member_id)
            SELECT known.id, added.member_id IS NOT NULL AS inserted FROM known LEFT JOIN added ON added.member_id = known.id
            """).ToListAsync(cancellationToken);
        return (known.Count(m => m.Inserted), [.. malformed, .. ids.Except(known.Select(m => m.Id)).Select(id => id.ToString())]);
    }

    /// <summary>Removes the members with these ids; returns how many were members.</summary>
    public static Task<int> RemoveAsync(ScimDbContext db, Guid connectionId, Guid groupId, IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var (ids, _) = Parse(values);
        return db.GroupMembers
            .Where(m => m.ConnectionId == connectionId && m.GroupId == groupId && ids.Contains(m.MemberId))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Removes every member but these ids (all of them when none is given); returns how many went. A replace keeps the
    /// rows of members it names instead of deleting and inserting them again, so the counts say whether it changed anything.
    /// </summary>
    public static Task<int> RemoveAllButAsync(ScimDbContext db, Guid connectionId, Guid groupId, IEnumerable<string> kept, CancellationToken cancellationToken)
    {
        var (ids, _) = Parse(kept);
        // An anti-join, so PostgreSQL hashes the kept ids: NOT (member_id = ANY(…)) would compare each member row
        // with every kept id under a generic plan, and a PUT can name tens of thousands of members.
        return db.Database.ExecuteSqlAsync($"""
            DELETE FROM scim_group_members m
            WHERE m.connection_id = {connectionId} AND m.group_id = {groupId}
              AND NOT EXISTS (SELECT 1 FROM unnest({ids}) AS kept(id) WHERE kept.id = m.member_id)
            """, cancellationToken);
    }

    /// <summary>Before a user or group is deleted: out of every group, and those groups' versions move on.</summary>
    public static async Task RemoveMemberEverywhereAsync(ScimDbContext db, Guid connectionId, Guid memberId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE scim_groups SET version = version + 1, last_modified = now()
            WHERE connection_id = {connectionId}
              AND id IN (SELECT group_id FROM scim_group_members WHERE connection_id = {connectionId} AND member_id = {memberId})
            """, cancellationToken);
        await db.GroupMembers.Where(m => m.ConnectionId == connectionId && m.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The users (not nested groups) that are direct members of a group.</summary>
    public static Task<List<Guid>> UserMemberIdsAsync(ScimDbContext db, Guid connectionId, Guid groupId, CancellationToken cancellationToken) =>
        db.GroupMembers
            .Where(m => m.ConnectionId == connectionId && m.GroupId == groupId && m.MemberType == MemberTypes.User)
            .Select(m => m.MemberId)
            .ToListAsync(cancellationToken);

    public static async Task<Dictionary<Guid, List<GroupReference>>> GroupsOfAsync(ScimDbContext db, Guid connectionId, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }
        var rows = await (from m in db.GroupMembers
                          // The connection leads the groups' key, as in UserGroupsProjection.
                          join g in db.Groups on new { m.ConnectionId, Id = m.GroupId } equals new { g.ConnectionId, g.Id }
                          where m.ConnectionId == connectionId && userIds.Contains(m.MemberId)
                          orderby g.DisplayNameKey
                          select new { m.MemberId, g.Id, g.DisplayName }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.Select(r => new GroupReference(r.Id, r.DisplayName)).ToList());
    }

    /// <summary>The members of each group, in id order, at most <see cref="MemberBudget.MaxMembersPerResponse"/> per group.</summary>
    public static async Task<Dictionary<Guid, List<MemberView>>> MembersOfAsync(ScimDbContext db, Guid connectionId, IReadOnlyList<Guid> groupIds, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0)
        {
            return [];
        }
        // Per group, the (group_id, member_id) index yields the first members in order and stops at the cap.
        var rows = await db.Database.SqlQuery<MemberRow>($"""
            SELECT m.group_id, m.member_id, m.member_type, COALESCE(u.display_name, u.user_name, g.display_name) AS display
            FROM unnest({groupIds.ToArray()}) AS page(group_id)
            CROSS JOIN LATERAL (
                SELECT * FROM scim_group_members gm
                WHERE gm.connection_id = {connectionId} AND gm.group_id = page.group_id
                ORDER BY gm.member_id
                LIMIT {MemberBudget.MaxMembersPerResponse}) m
            -- The connection leads both keys: without it, each member's row is looked for across every tenant.
            LEFT JOIN scim_users u ON m.member_type = 'User' AND u.connection_id = m.connection_id AND u.id = m.member_id
            LEFT JOIN scim_groups g ON m.member_type = 'Group' AND g.connection_id = m.connection_id AND g.id = m.member_id
            -- A member deleted while a PATCH added it concurrently can leave a row behind; it is never shown.
            WHERE u.id IS NOT NULL OR g.id IS NOT NULL
            ORDER BY m.group_id, m.member_id
            """).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.GroupId).ToDictionary(g => g.Key, g => g.Select(r => new MemberView(r.MemberId, r.MemberType, r.Display)).ToList());
    }

    /// <summary>How many member rows each group has; a group without members is absent.</summary>
    public static async Task<Dictionary<Guid, int>> MemberCountsAsync(ScimDbContext db, Guid connectionId, IReadOnlyList<Guid> groupIds, CancellationToken cancellationToken) =>
        await db.GroupMembers
            .Where(m => m.ConnectionId == connectionId && groupIds.Contains(m.GroupId))
            .GroupBy(m => m.GroupId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private static (Guid[] Ids, string[] Malformed) Parse(IEnumerable<string> values)
    {
        var ids = new HashSet<Guid>();
        var malformed = new List<string>();
        foreach (var value in values)
        {
            if (Guid.TryParse(value, out var id))
            {
                ids.Add(id);
            }
            else
            {
                malformed.Add(value);
            }
        }
        return (ids.ToArray(), malformed.ToArray());
    }

    // Column names follow the snake_case convention the context applies to query types too.
    private sealed record MemberRow(Guid GroupId, Guid MemberId, string MemberType, string? Display);

    private sealed record KnownMember(Guid Id, bool Inserted);
}
