using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Admins;

/// <summary>
/// Whether a signed-in admin's session may go on: the Admin UI asks every few seconds, so an
/// organization switched off (or an admin removed) ends the sessions already open, not only new sign-ins.
/// </summary>
public static class AdminSessionsApi
{
    public static void MapAdminSessionsApi(this IEndpointRouteBuilder app) =>
        app.MapInternalGroup("/admins", "Admins", InternalCaller.AdminUi).MapGet("/{adminId:guid}/session", CheckAsync);

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> CheckAsync(
        Guid adminId, PolicyDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.AdminAccounts.AsNoTracking()
            .Where(a => a.Id == adminId)
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
