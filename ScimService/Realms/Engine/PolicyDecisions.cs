using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Engine;

/// <summary>Realm + policy + transition → actions. Pure: no database, no HTTP.</summary>
public static class PolicyDecisions
{
    public static Decision Decide(Realm realm, ConnectionPolicyDto policy, UserTransition transition) => transition switch
    {
        UserTransition.CreatedActive or UserTransition.Reactivated => OnCreate(realm, policy),
        UserTransition.CreatedInactive => new(null, [new NoAction("the user is inactive; nothing happens until it is activated")]),
        UserTransition.Deactivated => OnDeactivate(realm, policy),
        UserTransition.DeletedWhileActive => ThenUnlink(OnDeactivate(realm, policy)),
        UserTransition.DeletedWhileInactive => new(null, [new Unlink()]),
        UserTransition.ProfileChanged => new("profile sync", [new UpdateProfile()]),
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
    };

    private static Decision ThenUnlink(Decision decision) => decision with { Actions = [.. decision.Actions, new Unlink()] };

    private static Decision OnCreate(Realm realm, ConnectionPolicyDto policy)
    {
        var described = "on create: " + policy.OnCreate
            + (realm == Realm.Dashboard && policy.OnCreate == CreationAction.CreateAccount ? $" (default role {policy.DefaultRole ?? CollaboratorRole.Viewer})" : "");
        return policy.OnCreate == CreationAction.CreateAccount
            ? new(described, [new CreateAccount()])
            : new(described, [new NoAction("policy says nothing")]);
    }

    private static Decision OnDeactivate(Realm realm, ConnectionPolicyDto policy)
    {
        var described = "on deactivate: " + policy.OnDeactivate;
        RealmAction action = (realm, policy.OnDeactivate) switch
        {
            (_, DeactivationAction.Nothing) => new NoAction("policy says nothing"),
            (Realm.MdmPortal, DeactivationAction.UnassignDevices) => new UnassignDevices(),
            (Realm.MdmPortal, DeactivationAction.ChangeDevicePolicy) => new MoveDevices(policy.TargetDevicePolicyId),
            (Realm.MdmPortal, DeactivationAction.RemoveUser or DeactivationAction.RemoveAccount) => new RemoveAccount(WithDevices: false),
            (Realm.MdmPortal, DeactivationAction.RemoveUserAndDevices) => new RemoveAccount(WithDevices: true),
            (not Realm.MdmPortal, DeactivationAction.RemoveAccount) => new RemoveAccount(WithDevices: false),
            _ => new NoAction($"{policy.OnDeactivate} does not apply to {realm.DisplayName()}"),
        };
        return new(described, [action]);
    }
}
