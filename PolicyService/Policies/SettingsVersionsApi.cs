using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Policies;

/// <summary>
/// Every connection whose settings were ever saved, with its version: ScimService compares them with
/// what it reconciled when it starts and every few minutes, so a change whose invalidation message it
/// missed (it was stopped, or Redis was away) still reaches the roles.
/// </summary>
public static class SettingsVersionsApi
{
    public static void MapSettingsVersionsApi(this IEndpointRouteBuilder app) =>
        app.MapInternalGroup("/connections", "Policies", InternalCaller.ScimService)
            .MapGet("/settings-versions", ListAsync);

    private static async Task<Ok<List<SettingsVersionDto>>> ListAsync(PolicyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Connections.AsNoTracking()
            .Where(c => c.SettingsVersion > 0)
            .OrderBy(c => c.Id)
            .Select(c => new SettingsVersionDto(c.Id, c.SettingsVersion))
            .ToListAsync(cancellationToken));
}
