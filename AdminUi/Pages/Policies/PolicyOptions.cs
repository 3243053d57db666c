using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Policies;

/// <summary>The options each realm offers, as an admin reads them (docs/provisioning.md says the same).</summary>
public static class PolicyOptions
{
    public static string AccountNoun(Realm realm) => realm switch
    {
        Realm.EnterpriseStore => "employee",
        Realm.Dashboard => "collaborator",
        _ => "MDM employee",
    };

    public static IReadOnlyList<(string Value, string Label, string Help)> OnCreate(Realm realm) =>
    [
        (nameof(CreationAction.CreateAccount), $"Create the {AccountNoun(realm)}",
            realm == Realm.Dashboard ? "With the role its mapped groups give, else the default role below." : "Or link the one that already exists for the same email."),
        (nameof(CreationAction.Nothing), "Nothing", "Users are kept in the directory, but no account is made."),
    ];

    public static IReadOnlyList<(string Value, string Label, string Help)> OnDeactivate(Realm realm) => realm == Realm.MdmPortal
        ?
        [
            (nameof(DeactivationAction.Nothing), "Nothing", "The MDM employee and their devices stay as they are."),
            (nameof(DeactivationAction.UnassignDevices), "Unassign devices", "The devices stay under their device policy but lose their user; the MDM employee stays."),
            (nameof(DeactivationAction.ChangeDevicePolicy), "Change device policy", "The user's devices move to the device policy you pick below and stay assigned."),
            (nameof(DeactivationAction.RemoveUser), "Remove user", "The MDM employee goes; their devices stay, unassigned."),
            (nameof(DeactivationAction.RemoveUserAndDevices), "Remove user and devices", "The MDM employee and their devices go. Removed devices cannot be brought back."),
        ]
        :
        [
            (nameof(DeactivationAction.RemoveAccount), $"Remove the {AccountNoun(realm)}", "The account goes; the SCIM user stays, inactive."),
            (nameof(DeactivationAction.Nothing), "Nothing", $"The {AccountNoun(realm)} stays as it is."),
        ];

    public static string Describe(Realm realm, DeactivationAction action) =>
        OnDeactivate(realm).FirstOrDefault(o => o.Value == action.ToString()).Label ?? action.ToString();
}
