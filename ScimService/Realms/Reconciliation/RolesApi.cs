using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Contracts;
using Provisioning.ScimService.Internal;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Realms.Reconciliation;

/// <summary>
/// The Admin UI, right after saving a mapping or a policy, has the roles reconciled with the version
/// the save answered, to tell the admin how many collaborators changed role. Without this call the
/// roles still converge (<see cref="SettingsReconciler"/>); the call only makes it at once and says so.
/// </summary>
public static class RolesApi
{
    public static void MapRolesApi(this IEndpointRouteBuilder app) =>
        app.MapInternalRoutes("/connections/{connectionId:guid}/roles").MapPost("/reconcile", ReconcileAsync);

    private static async Task<Results<Ok<RolesReconciledDto>, NotFound, ValidationProblem, ProblemHttpResult>> ReconcileAsync(
        Guid connectionId, ReconcileRolesRequest? request, RoleReconciliation reconciliation, HttpResponse response, CancellationToken cancellationToken)
    {
        ConnectionSettingsDto settings;
        switch (await reconciliation.SettingsOfAsync(connectionId, cancellationToken))
        {
            case SettingsLookup.Found found:
                settings = found.Settings;
                break;
            case SettingsLookup.Unavailable unavailable:
                response.Headers.RetryAfter = ScimError.RetryAfterSeconds;
                return TypedResults.Problem(unavailable.Detail, statusCode: StatusCodes.Status503ServiceUnavailable);
            default:
                return TypedResults.NotFound();
        }
        var reconciled = await reconciliation.ReconcileAsync(settings, cancellationToken);
        if (settings.Realm != Realm.Dashboard)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["connectionId"] = ["Only Dashboard connections have roles."],
            });
        }
        if (reconciled.SettingsVersion < (request?.SettingsVersion ?? 0))
        {
            return TypedResults.Problem($"Settings version {request!.SettingsVersion} is not readable from PolicyService yet; the roles follow it shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok(reconciled);
    }
}
