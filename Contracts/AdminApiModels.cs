namespace Provisioning.Contracts;

// The shapes of PolicyService's admin-account API: the Admin UI's sign-in and password change, the operator's resets.

public sealed record AdminSignInRequest(string Email, string Password);

/// <summary>
/// Who signed in: the Admin UI keeps this in its cookie and scopes every page to the organization.
/// <see cref="MustChangePassword"/> holds until the one-time password given at creation or reset is replaced.
/// <see cref="SessionStamp"/> goes with every session check; once the admin's stamp changes (a password
/// changed or reset) or the admin is removed, the session ends.
/// </summary>
public sealed record SignedInAdminDto(
    Guid AdminId, string Email, Guid OrganizationId, string OrganizationName, Guid SessionStamp, bool MustChangePassword = false);

/// <summary>Without a password, PolicyService makes a one-time password that must be changed at first sign-in.</summary>
public sealed record CreateAdminRequest(string Email, string? Password = null);

public sealed record AdminDto(Guid Id, Guid OrganizationId, string Email, DateTimeOffset CreatedAt);

/// <summary>The one answer that carries a one-time password; it is never retrievable again.</summary>
public sealed record CreatedAdminDto(Guid Id, Guid OrganizationId, string Email, DateTimeOffset CreatedAt, string? InitialPassword);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>The admin's new session stamp: the session that changed the password carries on with it, the others end.</summary>
public sealed record PasswordChangedDto(Guid SessionStamp);

/// <summary>One admin of an organization, as the Admins page lists them.</summary>
public sealed record AdminSummaryDto(Guid Id, string Email, DateTimeOffset CreatedAt, bool OneTimePasswordPending);

public sealed record ResetAdminPasswordRequest(string Email);

public sealed record PasswordResetDto(string Email, string InitialPassword);
