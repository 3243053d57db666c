namespace Provisioning.PolicyService.Admins;

/// <summary>A person who administers one organization in the Admin UI. The password is kept only as a hash.</summary>
public sealed class AdminAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Email { get; init; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>True while the admin holds a one-time password (from onboarding, another admin or a reset).</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// Carried in the Admin UI's sign-in cookie and compared at every session check: a new value ends
    /// every session opened before it (a password changed, reset or set once). Random, never derived.
    /// </summary>
    public Guid SessionStamp { get; private set; } = Guid.NewGuid();

    /// <summary>Ends the admin's open sessions: their cookies carry the old stamp.</summary>
    public void RenewSessionStamp() => SessionStamp = Guid.NewGuid();
}
