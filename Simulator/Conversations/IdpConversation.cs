using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Scim;

namespace Provisioning.Simulator.Conversations;

/// <summary>
/// What an IdP says to a SCIM server over a tenant's life, in that IdP's own requests. A step whose
/// answer the IdP would refuse is recorded with why, and the IdP moves on without that object, as both do.
/// </summary>
public abstract class IdpConversation(ScimSession scim, IdpDirectory directory)
{
    protected ScimSession Scim => scim;
    public IdpDirectory Directory => directory;
    public abstract IdentityProvider Idp { get; }

    /// <summary>The connection test an admin presses in the IdP; false means the IdP would not save the settings.</summary>
    public abstract Task<bool> ConnectAsync(CancellationToken cancellationToken);

    public abstract Task ProvisionUserAsync(DirectoryUser user, CancellationToken cancellationToken);

    /// <summary>Creates the group and pushes its members.</summary>
    public abstract Task PushGroupAsync(DirectoryGroup group, CancellationToken cancellationToken);

    public abstract Task PushProfileAsync(DirectoryUser user, CancellationToken cancellationToken);

    public abstract Task SetActiveAsync(DirectoryUser user, bool active, CancellationToken cancellationToken);

    public abstract Task MoveMemberAsync(DirectoryUser user, DirectoryGroup from, DirectoryGroup to, CancellationToken cancellationToken);

    public abstract Task RenameGroupAsync(DirectoryGroup group, CancellationToken cancellationToken);

    /// <summary>The person leaves the app: Okta unassigns (deactivates), Entra disables, then deletes.</summary>
    public abstract Task OffboardAsync(DirectoryUser user, CancellationToken cancellationToken);

    /// <summary>The first sync: what the IdP reads first, then every assigned user, then every pushed group.</summary>
    public virtual async Task InitialSyncAsync(CancellationToken cancellationToken)
    {
        foreach (var user in directory.Users.ToList())
        {
            await ProvisionUserAsync(user, cancellationToken);
        }
        foreach (var group in directory.Groups)
        {
            await PushGroupAsync(group, cancellationToken);
        }
    }

    /// <summary>Sends changes in order; Entra overrides this to batch a cycle's membership changes.</summary>
    public virtual async Task ApplyAsync(IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            await ApplyAsync(change, cancellationToken);
        }
    }

    protected async Task ApplyAsync(Change change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case ProfileChanged profile:
                await PushProfileAsync(profile.User, cancellationToken);
                break;
            case ActiveChanged active:
                await SetActiveAsync(active.User, active.Active, cancellationToken);
                break;
            case MemberMoved move:
                await MoveMemberAsync(move.User, move.From, move.To, cancellationToken);
                break;
            case GroupRenamed rename:
                await RenameGroupAsync(rename.Group, cancellationToken);
                break;
            case Replaced replaced:
                await OffboardAsync(replaced.Leaver, cancellationToken);
                await ProvisionUserAsync(replaced.Joiner, cancellationToken);
                if (replaced.Group is { } group && replaced.Joiner.ScimId is not null)
                {
                    await JoinAsync(replaced.Joiner, group, cancellationToken);
                }
                break;
        }
    }

    /// <summary>A new member of an already pushed group.</summary>
    protected abstract Task JoinAsync(DirectoryUser user, DirectoryGroup group, CancellationToken cancellationToken);
}
