using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.ProvisioningLog;
using Provisioning.ScimService.Realms.Accounts;

namespace Provisioning.ScimService.Realms.Engine;

// Applying one action to the realm's accounts.
public sealed partial class ProvisioningRun
{
    private Task ApplyAsync(Step step, UserSnapshot user, RealmAction action, CancellationToken cancellationToken) => settings.Realm switch
    {
        Realm.EnterpriseStore => ApplyAsync<Employee>(step, user, action, cancellationToken),
        Realm.Dashboard => ApplyAsync<Collaborator>(step, user, action, cancellationToken),
        _ => ApplyAsync<MdmEmployee>(step, user, action, cancellationToken),
    };

    private async Task ApplyAsync<T>(Step step, UserSnapshot user, RealmAction action, CancellationToken cancellationToken) where T : class, IRealmAccount
    {
        switch (action)
        {
            case NoAction nothing:
                Log(step, LogActions.Nothing, "nothing — " + nothing.Reason, LogOutcomes.Skipped);
                break;
            case CreateAccount:
                await CreateOrLinkAsync<T>(step, user, cancellationToken);
                break;
            case UpdateProfile:
                await UpdateProfileAsync<T>(step, user, cancellationToken);
                break;
            case RemoveAccount remove:
                await RemoveAsync<T>(step, remove.WithDevices, cancellationToken);
                break;
            case UnassignDevices:
                await UnassignDevicesAsync(step, cancellationToken);
                break;
            case MoveDevices move:
                await MoveDevicesAsync(step, move.DevicePolicyId, cancellationToken);
                break;
            case Unlink:
                await UnlinkAsync<T>(step, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The account linked to the user, locked until the transaction ends: the user's row is already locked, so only a
    /// change from elsewhere (an admin, a group's roles) waits here, and the write's update of the account cannot find it gone.
    /// </summary>
    private async Task<T?> LinkedAsync<T>(Guid scimUserId, CancellationToken cancellationToken) where T : class, IRealmAccount
    {
        // The table name comes from the model, never from the request; the values are parameters.
        var sql = "SELECT * FROM " + db.Model.FindEntityType(typeof(T))!.GetTableName() + " WHERE organization_id = {0} AND scim_user_id = {1} FOR UPDATE";
        var account = (await db.Set<T>().FromSqlRaw(sql, settings.OrganizationId, scimUserId).ToListAsync(cancellationToken)).SingleOrDefault();
        return account is null ? null : Locked(account);
    }

    /// <summary>
    /// Finds the realm's account for an email, first taking a transaction-long lock on that email:
    /// two SCIM users created at once with one email then queue here, and the second finds the
    /// first's account instead of colliding with it on the unique index.
    /// </summary>
    private async Task<T?> ByEmailAsync<T>(string email, CancellationToken cancellationToken) where T : class, IRealmAccount
    {
        var key = email.ToLowerInvariant();
        var id = await EmailLocks.LockAndFindAsync(db, db.Model.FindEntityType(typeof(T))!.GetTableName()!,
            settings.OrganizationId, $"{settings.OrganizationId}:{T.Noun}:{key}", key, cancellationToken);
        // Only an account that exists is loaded (to link or compare it); a new user's email usually has none.
        return id is { } accountId
            ? await db.Set<T>().FirstAsync(a => a.OrganizationId == settings.OrganizationId && a.Id == accountId, cancellationToken)
            : null;
    }

    /// <summary>Idempotent: a linked account is left as it is; an account made by hand for the same email is linked, not duplicated.</summary>
    private async Task CreateOrLinkAsync<T>(Step step, UserSnapshot user, CancellationToken cancellationToken) where T : class, IRealmAccount
    {
        if (user.Id != _createdUserId && await LinkedAsync<T>(user.Id, cancellationToken) is { } linked)
        {
            Log(step, LogActions.Nothing, $"nothing — {T.Noun} {linked.Email} already exists", LogOutcomes.Skipped);
            return;
        }
        if (!user.EmailFits)
        {
            Log(step, LogActions.AccountCreated, $"no {T.Noun} created: its email would be longer than {UserSnapshot.MaxEmailLength} characters", LogOutcomes.Failed);
            return;
        }
        var role = settings.Realm == Realm.Dashboard ? await RoleOfAsync(user.Id, cancellationToken) : (CollaboratorRole?)null;
        var withRole = role is null ? "" : $" with role {role}";
        if (await ByEmailAsync<T>(user.Email, cancellationToken) is { } existing)
        {
            if (existing.ScimUserId is not null)
            {
                Log(step, LogActions.AccountLinked, $"{T.Noun} {existing.Email} is linked to another SCIM user; not linked", LogOutcomes.Failed);
                return;
            }
            existing.ScimUserId = user.Id;
            if (existing is Collaborator collaborator)
            {
                collaborator.Role = role!.Value;
            }
            Log(step, LogActions.AccountLinked, $"existing {T.Noun} {existing.Email} linked{withRole}", LogOutcomes.Succeeded);
            return;
        }
        var now = clock.GetUtcNow();
        var key = user.Email.ToLowerInvariant();
        IRealmAccount account = settings.Realm switch
        {
            Realm.EnterpriseStore => new Employee { OrganizationId = settings.OrganizationId, Email = user.Email, EmailKey = key, DisplayName = user.DisplayName, ScimUserId = user.Id, CreatedAt = now },
            Realm.Dashboard => new Collaborator { OrganizationId = settings.OrganizationId, Email = user.Email, EmailKey = key, DisplayName = user.DisplayName, ScimUserId = user.Id, Role = role!.Value, CreatedAt = now },
            _ => new MdmEmployee { OrganizationId = settings.OrganizationId, Email = user.Email, EmailKey = key, DisplayName = user.DisplayName, ScimUserId = user.Id, CreatedAt = now },
        };
        db.Add(account);
        Log(step, LogActions.AccountCreated, $"{T.Noun} {user.Email} created{withRole}", LogOutcomes.Succeeded);
    }

    private async Task UpdateProfileAsync<T>(Step step, UserSnapshot user, CancellationToken cancellationToken) where T : class, IRealmAccount
    {
        if (await LinkedAsync<T>(user.Id, cancellationToken) is not { } account)
        {
            Log(step, LogActions.Nothing, $"nothing — no {T.Noun} is linked to this user", LogOutcomes.Skipped);
            return;
        }
        var changes = new List<string>();
        if (!string.Equals(account.Email, user.Email, StringComparison.Ordinal))
        {
            if (!user.EmailFits)
            {
                Log(step, LogActions.AccountUpdated, $"{T.Noun} {account.Email} keeps its email: the new one is longer than {UserSnapshot.MaxEmailLength} characters", LogOutcomes.Failed);
            }
            else if (await ByEmailAsync<T>(user.Email, cancellationToken) is { } other && other.Id != account.Id)
            {
                Log(step, LogActions.AccountUpdated, $"{T.Noun} {account.Email} keeps its email: {user.Email} belongs to another {T.Noun}", LogOutcomes.Failed);
            }
            else
            {
                changes.Add($"email {account.Email} → {user.Email}");
                account.SetEmail(user.Email);
            }
        }
        if (account.DisplayName != user.DisplayName)
        {
            changes.Add($"name {account.DisplayName ?? "(none)"} → {user.DisplayName ?? "(none)"}");
            account.DisplayName = user.DisplayName;
        }
        if (changes.Count > 0)
        {
            Log(step, LogActions.AccountUpdated, $"{T.Noun} {account.Email} updated: {string.Join(", ", changes)}", LogOutcomes.Succeeded);
        }
    }

    private async Task RemoveAsync<T>(Step step, bool withDevices, CancellationToken cancellationToken) where T : class, IRealmAccount
    {
        if (await LinkedAsync<T>(step.ScimUserId!.Value, cancellationToken) is not { } account)
        {
            Log(step, LogActions.Nothing, $"nothing — no {T.Noun} is linked to this user", LogOutcomes.Skipped);
            return;
        }
        if (account is MdmEmployee employee)
        {
            await ReleaseDevicesAsync(step, employee, withDevices, cancellationToken);
        }
        db.Remove(account);
        Log(step, LogActions.AccountRemoved, $"{T.Noun} {account.Email} removed", LogOutcomes.Succeeded);
    }

    private async Task UnlinkAsync<T>(Step step, CancellationToken cancellationToken) where T : class, IRealmAccount
    {
        if (await LinkedAsync<T>(step.ScimUserId!.Value, cancellationToken) is { } account)
        {
            account.ScimUserId = null;
            Log(step with { Policy = "user deleted: the link goes" }, LogActions.Unlinked,
                $"{T.Noun} {account.Email} is no longer linked to a SCIM user", LogOutcomes.Succeeded);
        }
    }

    /// <summary>The role a collaborator of this user gets now, from the user's mapped groups.</summary>
    private async Task<CollaboratorRole> RoleOfAsync(Guid scimUserId, CancellationToken cancellationToken)
    {
        var mapped = settings.GroupRoles.Select(m => m.GroupId).ToArray();
        var groups = mapped.Length == 0 || scimUserId == _createdUserId
            ? []
            : await db.GroupMembers
                .Where(m => m.ConnectionId == settings.ConnectionId && m.MemberId == scimUserId && mapped.Contains(m.GroupId))
                .Select(m => m.GroupId)
                .ToListAsync(cancellationToken);
        return RoleRules.RoleFor(groups, settings.GroupRoles, settings.DefaultRole());
    }
}
