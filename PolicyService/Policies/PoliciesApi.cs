using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Clients;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Policies;

/// <summary>A connection's provisioning settings: ScimService reads them, the Admin UI edits the policy.</summary>
public static class PoliciesApi
{
    public static void MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        app.MapInternalGroup("/connections/{connectionId:guid}", "Policies", InternalCaller.ScimService, InternalCaller.AdminUi)
            .MapGet("/settings", GetSettingsAsync);
        app.MapInternalGroup("/connections/{connectionId:guid}", "Policies", InternalCaller.AdminUi)
            .MapPut("/policy", PutPolicyAsync);
    }

    private static async Task<Results<Ok<ConnectionSettingsDto>, NotFound>> GetSettingsAsync(
        Guid connectionId, PolicyDbContext db, SettingsCache cache, CancellationToken cancellationToken) =>
        await ConnectionSettings.GetAsync(db, cache, connectionId, cancellationToken) is { } settings
            ? TypedResults.Ok(settings)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ConnectionSettingsDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutPolicyAsync(
        Guid connectionId, ConnectionPolicyDto request, PolicyDbContext db, SettingsCache cache, ScimServiceClient scim,
        AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return TypedResults.NotFound();
        }
        var errors = PolicyValidation.Validate(connection.Realm, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (request.TargetDevicePolicyId is { } target)
        {
            // ScimService owns device policies: it answers whether this one exists in the same organization.
            var exists = await scim.DevicePolicyExistsAsync(connection.OrganizationId, target, cancellationToken);
            if (exists is null)
            {
                return TypedResults.Problem("The device policy could not be checked because ScimService did not answer; nothing was changed. Try again.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            if (exists == false)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["targetDevicePolicyId"] = [$"No device policy {target} exists in this organization."],
                });
            }
        }

        var policy = await db.ConnectionPolicies.FirstOrDefaultAsync(p => p.ConnectionId == connectionId, cancellationToken);
        if (policy is null)
        {
            policy = new ConnectionPolicy { ConnectionId = connectionId };
            db.ConnectionPolicies.Add(policy);
        }
        var previousDefaultRole = policy.DefaultRole;
        policy.OnCreate = request.OnCreate;
        policy.OnDeactivate = request.OnDeactivate;
        policy.DefaultRole = connection.Realm == Realm.Dashboard ? request.DefaultRole ?? CollaboratorRole.Viewer : null;
        policy.TargetDevicePolicyId = request.TargetDevicePolicyId;
        policy.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, connection.OrganizationId, AuditActions.PolicySaved,
            $"{connection.Realm.DisplayName()}: on create {policy.OnCreate}, on deactivate {policy.OnDeactivate}"
            + (policy.DefaultRole is { } role ? $", default role {role}" : "")
            + (policy.TargetDevicePolicyId is { } devicePolicy ? $", device policy {devicePolicy}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(ConnectionSettings.CacheKey(connectionId));
        if (connection.Realm == Realm.Dashboard && previousDefaultRole != policy.DefaultRole)
        {
            // Collaborators in no mapped group hold the default role: a new one must reach them now,
            // a downgrade above all. A failed call is logged by the client; saving the mappings again repeats it.
            await scim.RecomputeRolesAsync(connectionId, [], cancellationToken);
        }
        return TypedResults.Ok((await ConnectionSettings.LoadAsync(db, connectionId, cancellationToken))!);
    }
}
