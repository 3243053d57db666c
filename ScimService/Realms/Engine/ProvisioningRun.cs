using System.Diagnostics;
using Provisioning.Contracts;
using Provisioning.ScimService.Observability;
using Provisioning.ScimService.ProvisioningLog;

namespace Provisioning.ScimService.Realms.Engine;

/// <summary>
/// The provisioning of one request, inside the request's transaction: its actions and its log
/// entries are written with the request's DbContext, so they commit with the SCIM change or not at all.
/// What the run adds or changes is tracked, not saved: the request's one save sends it in the same
/// batch as the SCIM resource's own row, one round trip to PostgreSQL (docs/benchmarks.md).
/// </summary>
public sealed partial class ProvisioningRun(ScimDbContext db, ConnectionSettingsDto settings, string identityProvider, TimeProvider clock, ILogger logger)
{
    private readonly Guid _requestId = Guid.CreateVersion7();

    /// <summary>The user this request created: a new id, so no account is linked to it yet and it is in no group.</summary>
    private Guid? _createdUserId;

    /// <summary>Rows this run read <c>FOR UPDATE</c>: no other transaction can change or delete them before the commit.</summary>
    private readonly HashSet<object> _locked = new(ReferenceEqualityComparer.Instance);

    public ConnectionSettingsDto Settings => settings;

    /// <summary>Whether the run holds this tracked row locked: an update of it cannot miss, so a write's COMMIT may ride with its save.</summary>
    public bool HoldsLocked(object entity) => _locked.Contains(entity);

    private T Locked<T>(T row) where T : class
    {
        _locked.Add(row);
        return row;
    }

    /// <summary>A SCIM user was created, replaced, patched or (before its row goes) deleted. The caller saves.</summary>
    public async Task UserChangedAsync(string operation, UserSnapshot? before, UserSnapshot? after, CancellationToken cancellationToken)
    {
        var user = (after ?? before)!;
        _createdUserId = before is null ? user.Id : null;
        var transitions = UserTransitions.Between(before, after);
        Log(new Step(operation, user.Id, null, null), LogActions.ScimChange,
            transitions.Count == 0 ? "user updated" : string.Join("; ", transitions.Select(UserTransitions.Describe)), LogOutcomes.Succeeded);
        var applied = 0;
        foreach (var transition in transitions)
        {
            var decision = PolicyDecisions.Decide(settings.Realm, settings.Policy, transition);
            foreach (var action in decision.Actions)
            {
                if (applied++ > 0)
                {
                    // A later action reads what the earlier one changed (a removed account is not unlinked too).
                    await db.SaveChangesAsync(cancellationToken);
                }
                await ApplyAsync(new Step(operation, user.Id, null, decision.Policy), user, action, cancellationToken);
            }
        }
    }

    /// <summary>A SCIM group changed; when it is mapped to a role, its affected members' roles follow at once. The caller saves.</summary>
    public async Task GroupChangedAsync(string operation, Guid groupId, string description, IReadOnlyCollection<Guid> affectedUserIds, CancellationToken cancellationToken)
    {
        Log(new Step(operation, null, groupId, null), LogActions.ScimChange, description, LogOutcomes.Succeeded);
        if (IsMapped(groupId) && affectedUserIds.Count > 0)
        {
            await RecomputeRolesAsync(new Step(operation, null, groupId, RolePolicy), affectedUserIds, cancellationToken);
        }
    }

    public bool IsMapped(Guid groupId) => settings.Realm == Realm.Dashboard && settings.GroupRoles.Any(m => m.GroupId == groupId);

    private string RolePolicy => $"group roles: highest mapped role, else default {settings.DefaultRole()}";

    /// <summary>Where an entry comes from: the operation, the user or group, the setting that decided.</summary>
    private sealed record Step(string Operation, Guid? ScimUserId, Guid? ScimGroupId, string? Policy);

    private void Log(Step step, string action, string description, string outcome)
    {
        if (action != LogActions.ScimChange)
        {
            // Telemetry names the action and its outcome, never the description (it names people).
            ScimTelemetry.Action(settings.Realm, action, outcome, settings.OrganizationId, settings.ConnectionId, identityProvider);
            // Production logs at Warning: the arguments (boxed, in an array) are built only when the line is written.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Provisioning action {Action} {Outcome} in {Realm} for organization {OrganizationId}, connection {ConnectionId}, SCIM user {ScimUserId}, group {ScimGroupId}.",
                    action, outcome, settings.Realm, settings.OrganizationId, settings.ConnectionId, step.ScimUserId, step.ScimGroupId);
            }
        }
        db.ProvisioningLog.Add(new ProvisioningLogEntry
        {
            RequestId = _requestId,
            At = clock.GetUtcNow(),
            OrganizationId = settings.OrganizationId,
            ConnectionId = settings.ConnectionId,
            Realm = settings.Realm,
            IdentityProvider = identityProvider,
            ScimUserId = step.ScimUserId,
            ScimGroupId = step.ScimGroupId,
            Operation = Shorten(step.Operation, 300),
            Policy = step.Policy,
            Action = action,
            Description = Shorten(description, 1000),
            Outcome = outcome,
            TraceId = Activity.Current?.TraceId.ToString(),
            CustomAttributes = action is LogActions.ScimChange or LogActions.AttributeNotKept ? _customAttributes : null,
        });
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
