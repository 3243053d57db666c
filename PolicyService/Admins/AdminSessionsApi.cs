using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Admins;

/// <summary>
/// Whether a signed-in admin's session may go on: the Admin UI asks every few seconds, so an
/// organization switched off, an admin removed or a password changed or reset ends the sessions
/// already open, not only new sign-ins. A session is the admin and the stamp they signed in with
/// (<see cref="AdminAccount.SessionStamp"/>); one whose stamp is no longer the admin's is gone, as
/// is one without a stamp (a cookie from before stamps existed).
/// </summary>
public static class AdminSessionsApi
{
    public static void MapAdminSessionsApi(this IEndpointRouteBuilder app) =>
        app.MapInternalGroup("/admins", "Admins", InternalCaller.AdminUi).MapGet("/{adminId:guid}/session", CheckAsync);

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> CheckAsync(
        Guid adminId, Guid? stamp, PolicyDbContext db, CancellationToken cancellationToken)
    {
        if (stamp is null)
        {
            return TypedResults.NotFound();
        }
        var found = await db.AdminAccounts.AsNoTracking()
            .Where(a => a.Id == adminId && a.SessionStamp == stamp)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { o.DisabledAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        return found.DisabledAt is null
            ? TypedResults.NoContent()
            : TypedResults.Problem("This organization is disabled.", statusCode: StatusCodes.Status403Forbidden, title: "Organization disabled");
    }
}
