using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;
using Provisioning.PolicyService.Policies;

namespace Provisioning.PolicyService.GroupMappings;

/// <summary>
/// A Dashboard connection's group→role mappings, replaced as a whole. A change raises the
/// connection's settings version; ScimService reconciles the roles with it (docs/architecture.md).
/// </summary>
public static class GroupRolesApi
{
    public static void MapGroupRolesApi(this IEndpointRouteBuilder app) =>
        app.MapInternalGroup("/connections/{connectionId:guid}/group-roles", "Group roles", InternalCaller.AdminUi)
            .MapPut("/", PutAsync);

    private static async Task<Results<Ok<ConnectionSettingsDto>, NotFound, ValidationProblem>> PutAsync(
        Guid connectionId, UpdateGroupRolesRequest request, PolicyDbContext db, SettingsCache cache, AuditLog audit, CancellationToken cancellationToken)
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
        foreach (var mapping in existing)
        {
            if (!wanted.TryGetValue(mapping.GroupId, out var update))
            {
                db.GroupRoleMappings.Remove(mapping);
                continue;
            }
            mapping.Role = update.Role;
            mapping.GroupName = update.GroupName ?? mapping.GroupName;
        }
        foreach (var added in wanted.Values.Where(w => existing.All(e => e.GroupId != w.GroupId)))
        {
            db.GroupRoleMappings.Add(new GroupRoleMapping { ConnectionId = connectionId, GroupId = added.GroupId, Role = added.Role, GroupName = added.GroupName });
        }
        audit.Record(db, connection.OrganizationId, AuditActions.GroupRolesSaved, Describe(connection.Realm, request.Mappings));
        await ConnectionSettings.SaveAsync(db, cache, connectionId, cancellationToken);
        return TypedResults.Ok((await ConnectionSettings.LoadAsync(db, connectionId, cancellationToken))!);
    }

    /// <summary>The mappings as saved, in words; clipped by the log to its target length when there are many.</summary>
    private static string Describe(Realm realm, IReadOnlyList<GroupRoleMappingDto> mappings) =>
        mappings.Count == 0
            ? $"{realm.DisplayName()}: no group mapped"
            : $"{realm.DisplayName()}: " + string.Join(", ", mappings.Select(m => $"{m.GroupName ?? m.GroupId.ToString()} → {m.Role}"));
}
