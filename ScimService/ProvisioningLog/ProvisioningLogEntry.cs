using Provisioning.Contracts;

namespace Provisioning.ScimService.ProvisioningLog;

/// <summary>
/// One line of the provisioning log: a SCIM request that changed something (<see cref="LogActions.ScimChange"/>),
/// or one action it caused. Entries of one request share <see cref="RequestId"/>.
/// </summary>
public sealed class ProvisioningLogEntry
{
    /// <summary>Ascending in insertion order, so a request's entries read back in the order they happened.</summary>
    public long Id { get; init; }
    public Guid RequestId { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid OrganizationId { get; init; }
    public Guid ConnectionId { get; init; }
    public Realm Realm { get; init; }
    public required string IdentityProvider { get; init; }
    public Guid? ScimUserId { get; init; }
    public Guid? ScimGroupId { get; init; }

    /// <summary>The SCIM operation in short, e.g. "PATCH /Users/{id}"; never a body, password or token.</summary>
    public required string Operation { get; init; }

    /// <summary>The setting that decided, e.g. "on deactivate: ChangeDevicePolicy 'Lost or stolen'".</summary>
    public string? Policy { get; init; }
    public required string Action { get; init; }
    public required string Description { get; init; }
    public required string Outcome { get; init; }
    public string? TraceId { get; init; }

    /// <summary>
    /// On a request's own entry: the custom attributes the IdP sent, as a JSON array of
    /// <c>{"path", "value", "kept"}</c> (kept false: not declared for the connection). Null when it sent none.
    /// </summary>
    public string? CustomAttributes { get; init; }

    public ProvisioningLogEntryDto ToDto() => new(Id, RequestId, At, OrganizationId, ConnectionId, Realm, IdentityProvider,
        ScimUserId, ScimGroupId, Operation, Policy, Action, Description, Outcome, TraceId, CustomAttributes);
}

/// <summary>The action names the log is filtered by.</summary>
public static class LogActions
{
    public const string ScimChange = "ScimChange";
    public const string SettingsChange = "SettingsChange";
    public const string AccountCreated = "AccountCreated";
    public const string AccountLinked = "AccountLinked";
    public const string AccountUpdated = "AccountUpdated";
    public const string AccountRemoved = "AccountRemoved";
    public const string RoleChanged = "RoleChanged";
    public const string DevicesUnassigned = "DevicesUnassigned";
    public const string DevicesMoved = "DevicesMoved";
    public const string DevicesRemoved = "DevicesRemoved";
    public const string Unlinked = "Unlinked";
    public const string Nothing = "Nothing";

    /// <summary>The IdP sent an attribute the connection does not declare; it was accepted and not kept.</summary>
    public const string AttributeNotKept = "AttributeNotKept";
}

public static class LogOutcomes
{
    public const string Succeeded = "Succeeded";

    /// <summary>Nothing to do: the policy says nothing, or the account is already as it should be.</summary>
    public const string Skipped = "Skipped";

    /// <summary>The action could not be applied (e.g. its target is gone); the SCIM change itself was kept.</summary>
    public const string Failed = "Failed";

    /// <summary>The request succeeded, and something in it deserves the admin's attention (an attribute that was not kept).</summary>
    public const string Warning = "Warning";
}
