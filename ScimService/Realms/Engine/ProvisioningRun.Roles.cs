using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.ProvisioningLog;
using Provisioning.ScimService.Realms.Accounts;

namespace Provisioning.ScimService.Realms.Engine;

// Keeping collaborators' roles in step with their mapped groups.
public sealed partial class ProvisioningRun
{
    /// <summary>An admin changed the mappings: the members of these groups (every collaborator when null) are re-evaluated.</summary>
    public async Task<RecomputeRolesResult> MappingsChangedAsync(IReadOnlyList<Guid>? groupIds, CancellationToken cancellationToken)
    {
        var step = new Step("group role mappings changed", null, null, RolePolicy);
        Log(step with { Policy = null }, LogActions.SettingsChange,
            groupIds is null ? "every collaborator re-evaluated" : $"members of {groupIds.Count} group(s) re-evaluated", LogOutcomes.Succeeded);
        IReadOnlyCollection<Guid>? userIds = null;
        if (groupIds is not null)
        {
            userIds = await db.GroupMembers
                .Where(m => m.ConnectionId == settings.ConnectionId && groupIds.Contains(m.GroupId) && m.MemberType == Groups.MemberTypes.User)
                .Select(m => m.MemberId).Distinct()
                .ToListAsync(cancellationToken);
        }
        var result = await RecomputeRolesAsync(step, userIds, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Locks the collaborators in id order (so two requests touching the same people queue instead
    /// of deadlocking), then reads their mapped memberships: the later of two concurrent changes
    /// sees the earlier one's memberships and has the last word.
    /// </summary>
    private async Task<RecomputeRolesResult> RecomputeRolesAsync(Step step, IReadOnlyCollection<Guid>? scimUserIds, CancellationToken cancellationToken)
    {
        if (settings.Realm != Realm.Dashboard)
        {
            return new RecomputeRolesResult(0, 0);
        }
        var organizationId = settings.OrganizationId;
        var ids = scimUserIds?.ToArray();
        var collaborators = ids is null
            ? await db.Collaborators.FromSql($"SELECT * FROM collaborators WHERE organization_id = {organizationId} AND scim_user_id IS NOT NULL ORDER BY id FOR UPDATE").ToListAsync(cancellationToken)
            : await db.Collaborators.FromSql($"SELECT * FROM collaborators WHERE organization_id = {organizationId} AND scim_user_id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(cancellationToken);
        if (collaborators.Count == 0)
        {
            return new RecomputeRolesResult(0, 0);
        }
        var mapped = settings.GroupRoles.Select(m => m.GroupId).ToArray();
        var linked = collaborators.Select(c => c.ScimUserId!.Value).ToArray();
        var memberships = (await db.GroupMembers
            .Where(m => m.ConnectionId == settings.ConnectionId && linked.Contains(m.MemberId) && mapped.Contains(m.GroupId))
            .Select(m => new { m.MemberId, m.GroupId })
            .ToListAsync(cancellationToken))
            .ToLookup(m => m.MemberId, m => m.GroupId);
        var changed = 0;
        foreach (var collaborator in collaborators)
        {
            var role = RoleRules.RoleFor(memberships[collaborator.ScimUserId!.Value], settings.GroupRoles, settings.DefaultRole());
            if (role == collaborator.Role)
            {
                continue;
            }
            Log(step with { ScimUserId = collaborator.ScimUserId }, LogActions.RoleChanged,
                $"collaborator {collaborator.Email}: role {collaborator.Role} → {role}", LogOutcomes.Succeeded);
            collaborator.Role = role;
            changed++;
        }
        return new RecomputeRolesResult(collaborators.Count, changed);
    }
}
