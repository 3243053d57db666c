using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Contracts;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Realms;

/// <summary>
/// Re-evaluates collaborators' roles after an admin changed the group→role mappings (PolicyService
/// calls this when it saves them). Idempotent: calling it again changes nothing more.
/// </summary>
public static class RolesApi
{
    public static void MapRolesApi(this IEndpointRouteBuilder app) =>
        app.MapInternalRoutes("/connections/{connectionId:guid}/roles", InternalCaller.PolicyService).MapPost("/recompute", RecomputeAsync);

    private static async Task<Results<Ok<RecomputeRolesResult>, NotFound, ValidationProblem, ProblemHttpResult>> RecomputeAsync(
        Guid connectionId, RecomputeRolesRequest? request, ScimDbContext db, ProvisioningEngine engine, CancellationToken cancellationToken)
    {
        ProvisioningRun? provisioning;
        try
        {
            provisioning = await engine.BeginForAdminAsync(connectionId, db, cancellationToken);
        }
        catch (ScimProtocolException e)
        {
            return TypedResults.Problem(e.Message, statusCode: e.Status);
        }
        if (provisioning is null)
        {
            return TypedResults.NotFound();
        }
        if (provisioning.Settings.Realm != Realm.Dashboard)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["connectionId"] = ["Only Dashboard connections have roles."],
            });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var groupIds = request?.GroupIds is { Count: > 0 } ids ? ids : null;
        var result = await provisioning.MappingsChangedAsync(groupIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(result);
    }
}
