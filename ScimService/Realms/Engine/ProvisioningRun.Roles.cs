using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.ProvisioningLog;

namespace Provisioning.ScimService.Realms.Engine;

// Keeping collaborators' roles in step with their mapped groups.
public sealed partial class ProvisioningRun
{
    /// <summary>
    /// The connection's settings reached a newer version (a mapping or the default role changed):
    /// every collaborator is re-evaluated. Returns how many were evaluated and how many changed.
    /// </summary>
    public async Task<(int Evaluated, int Changed)> SettingsChangedAsync(CancellationToken cancellationToken)
    {
        var step = new Step($"role settings changed (version {settings.SettingsVersion})", null, null, RolePolicy);
        Log(step with { Policy = null }, LogActions.SettingsChange, "every collaborator re-evaluated", LogOutcomes.Succeeded);
        var result = await RecomputeRolesAsync(step, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Locks the collaborators in id order (so two requests touching the same people queue instead
    /// of deadlocking), then reads their mapped memberships: the later of two concurrent changes
    /// sees the earlier one's memberships and has the last word.
    /// </summary>
    private async Task<(int Evaluated, int Changed)> RecomputeRolesAsync(Step step, IReadOnlyCollection<Guid>? scimUserIds, CancellationToken cancellationToken)
    {
        if (settings.Realm != Realm.Dashboard)
        {
            return (0, 0);
        }
        var organizationId = settings.OrganizationId;
        var ids = scimUserIds?.ToArray();
        var collaborators = ids is null
            ? await db.Collaborators.FromSql($"SELECT * FROM collaborators WHERE organization_id = {organizationId} AND scim_user_id IS NOT NULL ORDER BY id FOR UPDATE").ToListAsync(cancellationToken)
            : await db.Collaborators.FromSql($"SELECT * FROM collaborators WHERE organization_id = {organizationId} AND scim_user_id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(cancellationToken);
        _locked.UnionWith(collaborators);
        if (collaborators.Count == 0)
        {
            return (0, 0);
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
        return (collaborators.Count, changed);
    }
}
