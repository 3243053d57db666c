using Provisioning.Contracts;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.Tests.Unit.Realms;

/// <summary>Realm + policy + transition → actions, for every realm and option.</summary>
public sealed class PolicyDecisionTests
{
    private static readonly Guid LostOrStolen = Guid.NewGuid();

    private static ConnectionPolicyDto Create(CreationAction action) => new(action, DeactivationAction.Nothing);

    private static ConnectionPolicyDto Deactivate(DeactivationAction action) =>
        new(CreationAction.CreateAccount, action, TargetDevicePolicyId: action == DeactivationAction.ChangeDevicePolicy ? LostOrStolen : null);

    public static TheoryData<Realm, ConnectionPolicyDto, UserTransition, RealmAction[]> Decisions => new()
    {
        { Realm.EnterpriseStore, Create(CreationAction.CreateAccount), UserTransition.CreatedActive, [new CreateAccount()] },
        { Realm.EnterpriseStore, Create(CreationAction.Nothing), UserTransition.CreatedActive, [new NoAction("policy says nothing")] },
        { Realm.Dashboard, Create(CreationAction.CreateAccount), UserTransition.CreatedActive, [new CreateAccount()] },
        { Realm.MdmPortal, Create(CreationAction.CreateAccount), UserTransition.Reactivated, [new CreateAccount()] },
        { Realm.Dashboard, Create(CreationAction.Nothing), UserTransition.Reactivated, [new NoAction("policy says nothing")] },
        { Realm.MdmPortal, Create(CreationAction.CreateAccount), UserTransition.CreatedInactive, [new NoAction("the user is inactive; nothing happens until it is activated")] },
        { Realm.EnterpriseStore, Deactivate(DeactivationAction.RemoveAccount), UserTransition.Deactivated, [new RemoveAccount(false)] },
        { Realm.Dashboard, Deactivate(DeactivationAction.RemoveAccount), UserTransition.Deactivated, [new RemoveAccount(false)] },
        { Realm.Dashboard, Deactivate(DeactivationAction.Nothing), UserTransition.Deactivated, [new NoAction("policy says nothing")] },
        { Realm.MdmPortal, Deactivate(DeactivationAction.Nothing), UserTransition.Deactivated, [new NoAction("policy says nothing")] },
        { Realm.MdmPortal, Deactivate(DeactivationAction.UnassignDevices), UserTransition.Deactivated, [new UnassignDevices()] },
        { Realm.MdmPortal, Deactivate(DeactivationAction.ChangeDevicePolicy), UserTransition.Deactivated, [new MoveDevices(LostOrStolen)] },
        { Realm.MdmPortal, Deactivate(DeactivationAction.RemoveUser), UserTransition.Deactivated, [new RemoveAccount(false)] },
        { Realm.MdmPortal, Deactivate(DeactivationAction.RemoveUserAndDevices), UserTransition.Deactivated, [new RemoveAccount(true)] },
        { Realm.EnterpriseStore, Deactivate(DeactivationAction.UnassignDevices), UserTransition.Deactivated, [new NoAction("UnassignDevices does not apply to Enterprise Store")] },
        { Realm.EnterpriseStore, Deactivate(DeactivationAction.RemoveAccount), UserTransition.DeletedWhileActive, [new RemoveAccount(false), new Unlink()] },
        { Realm.MdmPortal, Deactivate(DeactivationAction.ChangeDevicePolicy), UserTransition.DeletedWhileActive, [new MoveDevices(LostOrStolen), new Unlink()] },
        { Realm.Dashboard, Deactivate(DeactivationAction.RemoveAccount), UserTransition.DeletedWhileInactive, [new Unlink()] },
        { Realm.Dashboard, Deactivate(DeactivationAction.RemoveAccount), UserTransition.ProfileChanged, [new UpdateProfile()] },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void EachRealmAndOptionDecidesItsActions(Realm realm, ConnectionPolicyDto policy, UserTransition transition, RealmAction[] expected)
    {
        var decision = PolicyDecisions.Decide(realm, policy, transition);

        Assert.Equal(expected, decision.Actions);
    }

    [Fact]
    public void TheDecisionNamesThePolicyThatMadeIt()
    {
        var decision = PolicyDecisions.Decide(Realm.Dashboard, new(CreationAction.CreateAccount, DeactivationAction.Nothing, CollaboratorRole.Editor), UserTransition.CreatedActive);

        Assert.Equal("on create: CreateAccount (default role Editor)", decision.Policy);
    }

    [Fact]
    public void ADeletedInactiveUserIsOnlyUnlinkedBecauseItsDeactivationAlreadyRan()
    {
        var decision = PolicyDecisions.Decide(Realm.MdmPortal, Deactivate(DeactivationAction.RemoveUserAndDevices), UserTransition.DeletedWhileInactive);

        Assert.Equal([new Unlink()], decision.Actions);
        Assert.Null(decision.Policy);
    }
}
