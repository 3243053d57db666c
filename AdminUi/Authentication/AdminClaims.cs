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

    public static ClaimsPrincipal ToPrincipal(SignedInAdminDto admin) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, admin.AdminId.ToString()),
        new Claim(ClaimTypes.Email, admin.Email),
        new Claim(ClaimTypes.Name, admin.Email),
        new Claim(OrganizationId, admin.OrganizationId.ToString()),
        new Claim(OrganizationName, admin.OrganizationName),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static Guid OrganizationIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganizationId), out var id)
            ? id
            : throw new InvalidOperationException("Pages that need an organization require a signed-in admin.");

    public static string OrganizationNameOf(this ClaimsPrincipal user) => user.FindFirstValue(OrganizationName) ?? "";
}
