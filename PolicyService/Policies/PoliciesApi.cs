using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Policies;

/// <summary>
/// A connection's provisioning settings: ScimService reads them, the Admin UI edits the policy.
/// Whether a target device policy exists is ScimService's to say (it owns them): the Admin UI asks it
/// before saving, and a target gone since is logged as a failed action, never a blocked IdP change.
/// </summary>
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

    private static async Task<Results<Ok<ConnectionSettingsDto>, NotFound, ValidationProblem>> PutPolicyAsync(
        Guid connectionId, ConnectionPolicyDto request, PolicyDbContext db, SettingsCache cache, AuditLog audit,
        TimeProvider clock, CancellationToken cancellationToken)
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
        var policy = await db.ConnectionPolicies.FirstOrDefaultAsync(p => p.ConnectionId == connectionId, cancellationToken);
        if (policy is null)
        {
            policy = new ConnectionPolicy { ConnectionId = connectionId };
            db.ConnectionPolicies.Add(policy);
        }
        policy.OnCreate = request.OnCreate;
        policy.OnDeactivate = request.OnDeactivate;
        policy.DefaultRole = connection.Realm == Realm.Dashboard ? request.DefaultRole ?? CollaboratorRole.Viewer : null;
        policy.TargetDevicePolicyId = request.TargetDevicePolicyId;
        policy.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, connection.OrganizationId, AuditActions.PolicySaved,
            $"{connection.Realm.DisplayName()}: on create {policy.OnCreate}, on deactivate {policy.OnDeactivate}"
            + (policy.DefaultRole is { } role ? $", default role {role}" : "")
            + (policy.TargetDevicePolicyId is { } devicePolicy ? $", device policy {devicePolicy}" : ""));
        // A new default role reaches collaborators in no mapped group when ScimService reconciles this version.
        await ConnectionSettings.SaveAsync(db, cache, connectionId, cancellationToken);
        return TypedResults.Ok((await ConnectionSettings.LoadAsync(db, connectionId, cancellationToken))!);
    }
}
