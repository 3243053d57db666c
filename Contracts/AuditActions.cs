namespace Provisioning.Contracts;

/// <summary>Every action the audit log records, by the name it is stored and filtered under.</summary>
public static class AuditActions
{
    public const string ScimTurnedOn = "scim.turned-on";
    public const string ScimTurnedOff = "scim.turned-off";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string OAuthClientCreated = "oauth-client.created";
    public const string OAuthClientRotated = "oauth-client.rotated";
    public const string OAuthClientDeleted = "oauth-client.deleted";
    public const string PolicySaved = "policy.saved";
    public const string GroupRolesSaved = "group-roles.saved";
    public const string CustomAttributesSaved = "custom-attributes.saved";
    public const string DeviceSaved = "device.saved";
    public const string DevicePolicySaved = "device-policy.saved";
    public const string AdminAdded = "admin.added";
    public const string AdminRemoved = "admin.removed";
    public const string PasswordChanged = "admin.password-changed";
    public const string PasswordReset = "admin.password-reset";
    public const string OrganizationCreated = "organization.created";
    public const string OrganizationDisabled = "organization.disabled";
    public const string OrganizationEnabled = "organization.enabled";
    public const string RateLimitChanged = "rate-limit.changed";
    public const string SigningKeyRotated = "signing-key.rotated";

    /// <summary>Every action, for the Audit page's filter; a filter naming another is refused.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ScimTurnedOn, ScimTurnedOff, TokenCreated, TokenRevoked, OAuthClientCreated, OAuthClientRotated, OAuthClientDeleted,
        PolicySaved, GroupRolesSaved, CustomAttributesSaved, DeviceSaved, DevicePolicySaved, AdminAdded, AdminRemoved,
        PasswordChanged, PasswordReset, OrganizationCreated, OrganizationDisabled, OrganizationEnabled, RateLimitChanged, SigningKeyRotated,
    ];

    /// <summary>
    /// Actions on data ScimService keeps (devices, device policies): the Admin UI reports them to
    /// PolicyService's log once ScimService has saved them, since one transaction cannot span both databases.
    /// </summary>
    public static readonly IReadOnlyList<string> ReportedByAdminUi = [DeviceSaved, DevicePolicySaved];
}
