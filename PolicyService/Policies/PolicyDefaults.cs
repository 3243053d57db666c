using Provisioning.Contracts;

namespace Provisioning.PolicyService.Policies;

/// <summary>
/// A new connection provisions at once and cleans up on deactivation: accounts are created
/// (Dashboard: as Viewer, the least privilege), removed on deactivation, and in the MDM Portal
/// devices are unassigned rather than removed, because removing a device loses what no IdP can restore.
/// </summary>
public static class PolicyDefaults
{
    public static ConnectionPolicyDto For(Realm realm) => realm switch
    {
        Realm.Dashboard => new(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Viewer),
        Realm.MdmPortal => new(CreationAction.CreateAccount, DeactivationAction.UnassignDevices),
        _ => new(CreationAction.CreateAccount, DeactivationAction.RemoveAccount),
    };
}
