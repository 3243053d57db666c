namespace Provisioning.ScimService.Realms.Engine;

/// <summary>One thing the engine does to the realm's accounts; the executor applies it.</summary>
public abstract record RealmAction
{
    private protected RealmAction()
    {
    }
}

/// <summary>Create the user's account, or link the one that exists for its email (Dashboard: with the computed role).</summary>
public sealed record CreateAccount : RealmAction;

/// <summary>Copy the user's email and name onto the linked account.</summary>
public sealed record UpdateProfile : RealmAction;

/// <summary>Remove the linked account; an MDM employee's devices are removed with it or left unassigned.</summary>
public sealed record RemoveAccount(bool WithDevices) : RealmAction;

public sealed record UnassignDevices : RealmAction;

public sealed record MoveDevices(Guid? DevicePolicyId) : RealmAction;

/// <summary>The SCIM user is gone: its account (if one is left) no longer points to it.</summary>
public sealed record Unlink : RealmAction;

public sealed record NoAction(string Reason) : RealmAction;

/// <summary>The actions for one transition and the setting that chose them (null when no setting decides).</summary>
public sealed record Decision(string? Policy, IReadOnlyList<RealmAction> Actions);
