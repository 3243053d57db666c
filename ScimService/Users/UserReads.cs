using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Groups;

namespace Provisioning.ScimService.Users;

/// <summary>A user as a read needs it: the row and, when the response shows them, the groups it belongs to.</summary>
public sealed record UserWithGroups(ScimUser User, List<GroupReference>? Groups);

public static class UserReads
{
    /// <summary>
    /// One statement for the whole read (EF joins the groups into the user's query): GET by id is the
    /// call IdPs make most, and each round trip to PostgreSQL costs it more than the query itself. The
    /// queries are compiled once: EF otherwise builds, compares and looks up the expression on every call.
    /// </summary>
    public static Task<UserWithGroups?> FindAsync(ScimDbContext db, Guid connectionId, Guid userId, bool withGroups, CancellationToken cancellationToken) =>
        withGroups ? FindWithGroups(db, connectionId, userId, cancellationToken) : FindAlone(db, connectionId, userId, cancellationToken);

    private static readonly Func<ScimDbContext, Guid, Guid, CancellationToken, Task<UserWithGroups?>> FindWithGroups =
        EF.CompileAsyncQuery((ScimDbContext db, Guid connectionId, Guid userId, CancellationToken _) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.ConnectionId == connectionId)
                .Select(u => new UserWithGroups(u,
                    (from m in db.GroupMembers
                     join g in db.Groups on m.GroupId equals g.Id
                     where m.ConnectionId == connectionId && m.MemberId == u.Id
                     orderby g.DisplayNameKey
                     select new GroupReference(g.Id, g.DisplayName)).ToList()))
                .FirstOrDefault());

    private static readonly Func<ScimDbContext, Guid, Guid, CancellationToken, Task<UserWithGroups?>> FindAlone =
        EF.CompileAsyncQuery((ScimDbContext db, Guid connectionId, Guid userId, CancellationToken _) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.ConnectionId == connectionId)
                .Select(u => new UserWithGroups(u, null))
                .FirstOrDefault());

    /// <summary>Each user with its groups in display-name order, for EF to put in the user's own statement (a list's; GET by id compiles the same join above).</summary>
    public static Expression<Func<ScimUser, UserWithGroups>> WithGroups(ScimDbContext db, Guid connectionId) =>
        u => new UserWithGroups(u,
            (from m in db.GroupMembers
             join g in db.Groups on m.GroupId equals g.Id
             where m.ConnectionId == connectionId && m.MemberId == u.Id
             orderby g.DisplayNameKey
             select new GroupReference(g.Id, g.DisplayName)).ToList());
}
