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

    /// <summary>The admin's session stamp at sign-in; once PolicyService holds another, the session ends.</summary>
    public const string SessionStamp = "provisioning:session_stamp";

    public static ClaimsPrincipal ToPrincipal(SignedInAdminDto admin) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, admin.AdminId.ToString()),
        new Claim(ClaimTypes.Email, admin.Email),
        new Claim(ClaimTypes.Name, admin.Email),
        new Claim(OrganizationId, admin.OrganizationId.ToString()),
        new Claim(OrganizationName, admin.OrganizationName),
        new Claim(SessionStamp, admin.SessionStamp.ToString()),
        .. admin.MustChangePassword ? [new Claim(MustChangePassword, "true")] : Array.Empty<Claim>(),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static Guid AdminIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("Pages that need an admin require a signed-in admin.");

    public static bool MustChangePasswordOf(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePassword);

    /// <summary>The session stamp the cookie carries; null in a cookie made before stamps existed, which must end.</summary>
    public static Guid? SessionStampOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionStamp), out var stamp) ? stamp : null;

    /// <summary>
    /// The same admin after they changed their password: no one-time password any more, and the new
    /// session stamp, so this session goes on while the admin's others end.
    /// </summary>
    public static ClaimsPrincipal WithPasswordChanged(this ClaimsPrincipal user, Guid sessionStamp) => ToPrincipal(new SignedInAdminDto(
        user.AdminIdOf(), user.FindFirstValue(ClaimTypes.Email) ?? "", user.OrganizationIdOf(), user.OrganizationNameOf(), sessionStamp));

    public static Guid OrganizationIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganizationId), out var id)
            ? id
            : throw new InvalidOperationException("Pages that need an organization require a signed-in admin.");

    public static string OrganizationNameOf(this ClaimsPrincipal user) => user.FindFirstValue(OrganizationName) ?? "";
}
