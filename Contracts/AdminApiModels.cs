namespace Provisioning.Contracts;

// The shapes of PolicyService's admin-account API, used by the Admin UI's sign-in.

public sealed record AdminSignInRequest(string Email, string Password);

/// <summary>Who signed in: the Admin UI keeps this in its cookie and scopes every page to the organization.</summary>
public sealed record SignedInAdminDto(Guid AdminId, string Email, Guid OrganizationId, string OrganizationName);

public sealed record CreateAdminRequest(string Email, string Password);

public sealed record AdminDto(Guid Id, Guid OrganizationId, string Email, DateTimeOffset CreatedAt);
