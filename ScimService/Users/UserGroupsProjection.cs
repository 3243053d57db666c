using System.Linq.Expressions;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Groups;
using static Provisioning.ScimService.Data.QueryInlining;

namespace Provisioning.ScimService.Users;

/// <summary>
/// Each user with its groups, for EF to put in the user's own statement: a list page's, or the row a write
/// locks. The reads IdPs make most run below EF (<see cref="UserReads"/>).
/// </summary>
public static class UserGroupsProjection
{
    /// <summary>The groups a user belongs to, in display-name order: written once, inlined into the projection below.</summary>
    [Inlined]
    private static List<GroupReference> GroupsOf(ScimDbContext db, Guid connectionId, ScimUser user) =>
        throw new InvalidOperationException("GroupsOf only stands in a query passed to QueryInlining.Inline.");

    private static readonly Expression<Func<ScimDbContext, Guid, ScimUser, List<GroupReference>>> GroupsOfExpression =
        (db, connectionId, user) =>
            (from m in db.GroupMembers
             // The connection leads the groups' key: on the group's id alone, PostgreSQL walks the key of every tenant's groups.
             join g in db.Groups on new { m.ConnectionId, Id = m.GroupId } equals new { g.ConnectionId, g.Id }
             where m.ConnectionId == connectionId && m.MemberId == user.Id
             orderby g.DisplayNameKey
             select new GroupReference(g.Id, g.DisplayName)).ToList();

    public static Expression<Func<ScimUser, UserWithGroups>> WithGroups(ScimDbContext db, Guid connectionId) =>
        Inline<ScimUser, UserWithGroups>(u => new UserWithGroups(u, GroupsOf(db, connectionId, u)));
}
