using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Authentication;

/// <summary>
/// What the sign-in cookie says about the admin. The organization every page shows comes from
/// here and nowhere else: never from the URL or a form field.
/// </summary>
public static class AdminClaims
{
    public const string OrganizationId = "provisioning:organization_id";
    public const string OrganizationName = "provisioning:organization_name";

    /// <summary>Present while the admin signed in with a one-time password they have not replaced yet.</summary>
    public const string MustChangePassword = "provisioning:must_change_password";

    public static ClaimsPrincipal ToPrincipal(SignedInAdminDto admin) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, admin.AdminId.ToString()),
        new Claim(ClaimTypes.Email, admin.Email),
        new Claim(ClaimTypes.Name, admin.Email),
        new Claim(OrganizationId, admin.OrganizationId.ToString()),
        new Claim(OrganizationName, admin.OrganizationName),
        .. admin.MustChangePassword ? [new Claim(MustChangePassword, "true")] : Array.Empty<Claim>(),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static Guid AdminIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("Pages that need an admin require a signed-in admin.");

    public static bool MustChangePasswordOf(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePassword);

    /// <summary>The same admin with a new set of claims, after the one-time password was replaced.</summary>
    public static ClaimsPrincipal WithPasswordChanged(this ClaimsPrincipal user) => ToPrincipal(new SignedInAdminDto(
        user.AdminIdOf(), user.FindFirstValue(ClaimTypes.Email) ?? "", user.OrganizationIdOf(), user.OrganizationNameOf()));

    public static Guid OrganizationIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganizationId), out var id)
            ? id
            : throw new InvalidOperationException("Pages that need an organization require a signed-in admin.");

    public static string OrganizationNameOf(this ClaimsPrincipal user) => user.FindFirstValue(OrganizationName) ?? "";
}
