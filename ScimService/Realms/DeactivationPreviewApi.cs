using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.Internal;
using Provisioning.ScimService.Realms.Accounts;
using Provisioning.ScimService.Realms.Engine;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Realms;

/// <summary>
/// Says what a deactivate policy would do to one user, so an admin can see it before saving. It
/// decides with the engine's own <see cref="PolicyDecisions"/> and only reads: nothing is changed,
/// nothing is logged. Internal: guarded by the internal key.
/// </summary>
public static class DeactivationPreviewApi
{
    private const int DevicesNamed = 10;

    public static void MapDeactivationPreviewApi(this IEndpointRouteBuilder app) =>
        app.MapInternalRoutes("/organizations/{organizationId:guid}").MapPost("/deactivation-preview", PreviewAsync);

    private static async Task<Results<Ok<DeactivationPreviewDto>, NotFound, ProblemHttpResult>> PreviewAsync(
        Guid organizationId, DeactivationPreviewRequest request, ScimDbContext db, ProvisioningEngine engine, HttpResponse response, CancellationToken cancellationToken)
    {
        var lookup = await engine.SettingsOfAsync(request.ConnectionId, cancellationToken);
        if (lookup is SettingsLookup.Unavailable unavailable)
        {
            response.Headers.RetryAfter = ScimError.RetryAfterSeconds;
            return TypedResults.Problem(unavailable.Detail, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        // The connection must be one of this organization's: no user of another tenant is described.
        if (lookup.SettingsOrNull?.OrganizationId != organizationId)
        {
            return TypedResults.NotFound();
        }
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == request.ScimUserId && u.ConnectionId == request.ConnectionId)
            .Select(u => new { u.UserName, u.Active })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var account = await LinkedAccountAsync(db, organizationId, request.Realm, request.ScimUserId, cancellationToken);
        var decision = PolicyDecisions.Decide(request.Realm, request.Policy, UserTransition.Deactivated);
        var details = new List<string>();
        foreach (var action in decision.Actions)
        {
            details.Add(await DescribeAsync(db, organizationId, request.Realm, account, action, cancellationToken));
        }
        if (!user.Active)
        {
            details.Add($"{user.UserName} is already inactive: the policy runs when an active user is deactivated, so nothing would happen to this user now.");
        }
        return TypedResults.Ok(new DeactivationPreviewDto($"Deactivating {user.UserName} would {details[0]}", details));
    }

    private static async Task<string> DescribeAsync(
        ScimDbContext db, Guid organizationId, Realm realm, AccountDto? account, RealmAction action, CancellationToken cancellationToken)
    {
        var noun = Noun(realm);
        switch (action)
        {
            case NoAction nothing:
                return $"do nothing ({nothing.Reason}).";
            case RemoveAccount when account is null:
            case UnassignDevices when account is null:
            case MoveDevices when account is null:
                return $"do nothing: no {noun} is linked to this user.";
            case RemoveAccount remove when realm == Realm.MdmPortal:
                var owned = await DevicesOfAsync(db, organizationId, account.Id, cancellationToken);
                return remove.WithDevices
                    ? $"remove the {noun} {account.Email} and {List("device", owned)}."
                    : $"remove the {noun} {account.Email}; {List("device", owned)} would stay, unassigned.";
            case RemoveAccount:
                return $"remove the {noun} {account.Email}" + (account.Role is { } role ? $" (role {role})." : ".");
            case UnassignDevices:
                return $"unassign {List("device", await DevicesOfAsync(db, organizationId, account.Id, cancellationToken))} from {account.Email}.";
            case MoveDevices move:
                var target = move.DevicePolicyId is null
                    ? null
                    : await db.DevicePolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == move.DevicePolicyId && p.OrganizationId == organizationId, cancellationToken);
                return target is null
                    ? "move no devices: the target device policy does not exist in this organization (the deactivation would be logged as Failed)."
                    : $"move {List("device", await DevicesOfAsync(db, organizationId, account.Id, cancellationToken))} to the device policy '{target.Name}'; they stay assigned to {account.Email}.";
            default:
                return $"{action.GetType().Name}.";
        }
    }

    private static async Task<AccountDto?> LinkedAccountAsync(ScimDbContext db, Guid organizationId, Realm realm, Guid scimUserId, CancellationToken cancellationToken) =>
        realm switch
        {
            Realm.EnterpriseStore => (await db.Employees.AsNoTracking().FirstOrDefaultAsync(a => a.OrganizationId == organizationId && a.ScimUserId == scimUserId, cancellationToken))?.ToDto(),
            Realm.Dashboard => (await db.Collaborators.AsNoTracking().FirstOrDefaultAsync(a => a.OrganizationId == organizationId && a.ScimUserId == scimUserId, cancellationToken))?.ToDto(),
            _ => (await db.MdmEmployees.AsNoTracking().FirstOrDefaultAsync(a => a.OrganizationId == organizationId && a.ScimUserId == scimUserId, cancellationToken))?.ToDto(),
        };

    private static Task<List<string>> DevicesOfAsync(ScimDbContext db, Guid organizationId, Guid mdmEmployeeId, CancellationToken cancellationToken) =>
        db.Devices.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId && d.MdmEmployeeId == mdmEmployeeId)
            .OrderBy(d => d.Name).ThenBy(d => d.SerialNumber)
            .Select(d => d.Name + " (" + d.SerialNumber + ")")
            .ToListAsync(cancellationToken);

    /// <summary>"3 devices: A (SN1), B (SN2), C (SN3)", or "no devices".</summary>
    private static string List(string noun, List<string> names) => names.Count switch
    {
        0 => $"no {noun}s",
        _ => $"{names.Count} {noun}{(names.Count == 1 ? "" : "s")}: {string.Join(", ", names.Take(DevicesNamed))}{(names.Count > DevicesNamed ? ", …" : "")}",
    };

    private static string Noun(Realm realm) => realm switch
    {
        Realm.EnterpriseStore => Employee.Noun,
        Realm.Dashboard => Collaborator.Noun,
        _ => MdmEmployee.Noun,
    };
}
