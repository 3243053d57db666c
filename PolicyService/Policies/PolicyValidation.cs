using Provisioning.Contracts;

namespace Provisioning.PolicyService.Policies;

/// <summary>What each realm allows; the target device policy's existence is checked with ScimService afterwards.</summary>
public static class PolicyValidation
{
    private static readonly DeactivationAction[] AccountRealmActions = [DeactivationAction.Nothing, DeactivationAction.RemoveAccount];

    private static readonly DeactivationAction[] MdmActions =
    [
        DeactivationAction.Nothing, DeactivationAction.UnassignDevices, DeactivationAction.ChangeDevicePolicy,
        DeactivationAction.RemoveUser, DeactivationAction.RemoveUserAndDevices,
    ];

    public static DeactivationAction[] DeactivationActionsOf(Realm realm) => realm == Realm.MdmPortal ? MdmActions : AccountRealmActions;

    public static Dictionary<string, string[]> Validate(Realm realm, ConnectionPolicyDto policy)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(policy.OnCreate))
        {
            errors["onCreate"] = [$"Use one of: {string.Join(", ", Enum.GetNames<CreationAction>())}."];
        }
        var allowed = DeactivationActionsOf(realm);
        if (!allowed.Contains(policy.OnDeactivate))
        {
            errors["onDeactivate"] = [$"{realm.DisplayName()} connections allow: {string.Join(", ", allowed)}."];
        }
        if (realm == Realm.Dashboard)
        {
            if (policy.DefaultRole is { } role && !Enum.IsDefined(role))
            {
                errors["defaultRole"] = [$"Use one of: {string.Join(", ", Enum.GetNames<CollaboratorRole>())}."];
            }
        }
        else if (policy.DefaultRole is not null)
        {
            errors["defaultRole"] = ["Only Dashboard connections have a default role."];
        }
        if (policy.OnDeactivate == DeactivationAction.ChangeDevicePolicy && policy.TargetDevicePolicyId is null)
        {
            errors["targetDevicePolicyId"] = ["Changing the device policy needs the target device policy's id."];
        }
        else if (policy.OnDeactivate != DeactivationAction.ChangeDevicePolicy && policy.TargetDevicePolicyId is not null)
        {
            errors["targetDevicePolicyId"] = ["A target device policy applies only to the ChangeDevicePolicy action."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(Realm realm, IReadOnlyList<GroupRoleMappingDto>? mappings)
    {
        var errors = new Dictionary<string, string[]>();
        if (realm != Realm.Dashboard)
        {
            errors["mappings"] = ["Only Dashboard connections map groups to roles."];
        }
        else if (mappings is null)
        {
            errors["mappings"] = ["A list of mappings is required (an empty list removes them all)."];
        }
        else if (mappings.Any(m => m.GroupId == Guid.Empty || !Enum.IsDefined(m.Role)))
        {
            errors["mappings"] = [$"Each mapping needs a group id and a role: {string.Join(", ", Enum.GetNames<CollaboratorRole>())}."];
        }
        else if (mappings.GroupBy(m => m.GroupId).Any(g => g.Count() > 1))
        {
            errors["mappings"] = ["A group may map to one role only."];
        }
        return errors;
    }
}
