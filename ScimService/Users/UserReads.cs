using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Groups;
using static Provisioning.ScimService.Data.QueryInlining;

namespace Provisioning.ScimService.Users;

/// <summary>A user as a read needs it: the row and, when the response shows them, the groups it belongs to.</summary>
public sealed record UserWithGroups(ScimUser User, List<GroupReference>? Groups);

/// <summary>
/// The look-ups IdPs make most, by userName or externalId before a create or a sync (GET by id is
/// <see cref="UserById"/>). Each is one statement (EF joins the groups into the user's query), since a round
/// trip to PostgreSQL costs these reads more than the query itself; and each is compiled once, since EF
/// otherwise builds, compares and looks up the expression on every call.
/// </summary>
public static class UserReads
{
    /// <summary>The groups a user belongs to, in display-name order: written once, inlined into each query below.</summary>
    /// <remarks>First in the class: the compiled queries' initializers below read its expression.</remarks>
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

    /// <summary>The first <paramref name="limit"/> users whose userName equals <paramref name="userName"/> case-insensitively, in id order.</summary>
    public static IAsyncEnumerable<UserWithGroups> ByUserName(ScimDbContext db, Guid connectionId, string userName, int limit) =>
        UserNameLookup(db, connectionId, userName, limit);

    /// <summary>The first <paramref name="limit"/> users whose externalId is <paramref name="externalId"/> (case-exact), in id order.</summary>
    public static IAsyncEnumerable<UserWithGroups> ByExternalId(ScimDbContext db, Guid connectionId, string externalId, int limit) =>
        ExternalIdLookup(db, connectionId, externalId, limit);

    /// <summary>Each user with its groups, for EF to put in the user's own statement (a list page's).</summary>
    public static Expression<Func<ScimUser, UserWithGroups>> WithGroups(ScimDbContext db, Guid connectionId) =>
        Inline<ScimUser, UserWithGroups>(u => new UserWithGroups(u, GroupsOf(db, connectionId, u)));

    // The look-ups always read the groups: one user's few memberships cost less than a second query shape.
    private static readonly Func<ScimDbContext, Guid, string, int, IAsyncEnumerable<UserWithGroups>> UserNameLookup =
        EF.CompileAsyncQuery(Inline((ScimDbContext db, Guid connectionId, string userName, int limit) =>
            db.Users.AsNoTracking()
                // lower() in SQL, as the general filter compares it (SqlComparison): the same rows either way.
                .Where(u => u.ConnectionId == connectionId && u.UserNameKey == userName.ToLower())
                .OrderBy(u => u.Id)
                .Take(limit)
                .Select(u => new UserWithGroups(u, GroupsOf(db, connectionId, u)))));

    private static readonly Func<ScimDbContext, Guid, string, int, IAsyncEnumerable<UserWithGroups>> ExternalIdLookup =
        EF.CompileAsyncQuery(Inline((ScimDbContext db, Guid connectionId, string externalId, int limit) =>
            db.Users.AsNoTracking()
                .Where(u => u.ConnectionId == connectionId && u.ExternalId == externalId)
                .OrderBy(u => u.Id)
                .Take(limit)
                .Select(u => new UserWithGroups(u, GroupsOf(db, connectionId, u)))));
}
