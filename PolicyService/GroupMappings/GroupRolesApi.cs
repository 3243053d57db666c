using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Clients;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;
using Provisioning.PolicyService.Policies;

namespace Provisioning.PolicyService.GroupMappings;

/// <summary>A Dashboard connection's group→role mappings, replaced as a whole; members of every changed group are re-evaluated at once.</summary>
public static class GroupRolesApi
{
    public static void MapGroupRolesApi(this IEndpointRouteBuilder app) =>
        app.MapInternalGroup("/connections/{connectionId:guid}/group-roles", "Group roles", InternalCaller.AdminUi)
            .MapPut("/", PutAsync);

    private static async Task<Results<Ok<GroupRolesUpdatedDto>, NotFound, ValidationProblem>> PutAsync(
        Guid connectionId, UpdateGroupRolesRequest request, PolicyDbContext db, SettingsCache cache, ScimServiceClient scim,
        AuditLog audit, ILogger<GroupRoleMapping> logger, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return TypedResults.NotFound();
        }
        var errors = PolicyValidation.Validate(connection.Realm, request.Mappings);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var existing = await db.GroupRoleMappings.Where(m => m.ConnectionId == connectionId).ToListAsync(cancellationToken);
        var wanted = request.Mappings.ToDictionary(m => m.GroupId);
        var changedGroups = new HashSet<Guid>();
        foreach (var mapping in existing)
        {
            if (!wanted.TryGetValue(mapping.GroupId, out var update))
            {
                db.GroupRoleMappings.Remove(mapping);
                changedGroups.Add(mapping.GroupId);
                continue;
            }
            if (mapping.Role != update.Role)
            {
                changedGroups.Add(mapping.GroupId);
            }
            mapping.Role = update.Role;
            mapping.GroupName = update.GroupName ?? mapping.GroupName;
        }
        foreach (var added in wanted.Values.Where(w => existing.All(e => e.GroupId != w.GroupId)))
        {
            db.GroupRoleMappings.Add(new GroupRoleMapping { ConnectionId = connectionId, GroupId = added.GroupId, Role = added.Role, GroupName = added.GroupName });
            changedGroups.Add(added.GroupId);
        }
        audit.Record(db, connection.OrganizationId, AuditActions.GroupRolesSaved, Describe(connection.Realm, request.Mappings));
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(ConnectionSettings.CacheKey(connectionId));

        int? changed = 0;
        if (changedGroups.Count > 0)
        {
            // The mapping is the record; a failed recompute is repaired by calling it again (or by the next membership change).
            var result = await scim.RecomputeRolesAsync(connectionId, [.. changedGroups], cancellationToken);
            if (result is null)
            {
                logger.LogError("Group roles of connection {ConnectionId} were saved but ScimService could not recompute the roles.", connectionId);
            }
            changed = result?.CollaboratorsChanged;
        }
        return TypedResults.Ok(new GroupRolesUpdatedDto((await ConnectionSettings.LoadAsync(db, connectionId, cancellationToken))!, changed));
    }

    /// <summary>The mappings as saved, in words; clipped by the log to its target length when there are many.</summary>
    private static string Describe(Realm realm, IReadOnlyList<GroupRoleMappingDto> mappings) =>
        mappings.Count == 0
            ? $"{realm.DisplayName()}: no group mapped"
            : $"{realm.DisplayName()}: " + string.Join(", ", mappings.Select(m => $"{m.GroupName ?? m.GroupId.ToString()} → {m.Role}"));
}
