using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Provisioning.AdminUi.Clients;
using Provisioning.AdminUi.Observability;

namespace Provisioning.AdminUi.Authentication;

/// <summary>
/// Ends a signed-in admin's session once their organization is disabled, their account is gone, or
/// their session stamp changed (a password changed or reset). The sign-in cookie alone would keep
/// working for its whole lifetime; PolicyService is asked at most every <see cref="Interval"/> per
/// session (admin and stamp) and replica, so the refusal is felt within seconds. A cookie without a
/// stamp, made before stamps existed, ends without asking.
/// </summary>
public sealed class SessionCheck(PolicyServiceClient policy, IMemoryCache recent, ILogger<SessionCheck> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private const string CacheName = "admin-session";

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } user || !Guid.TryParse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var adminId))
        {
            return;
        }
        if (user.SessionStampOf() is not { } stamp)
        {
            logger.LogInformation("Ended the session of admin {AdminId}: its cookie predates session stamps.", adminId);
            await EndAsync(context);
            return;
        }
        // Keyed by the stamp too: a session with the current stamp must not vouch for one with an old stamp.
        var key = ("admin-session", adminId, stamp);
        if (recent.TryGetValue(key, out _))
        {
            AdminUiTelemetry.CacheLookup(CacheName, "hit");
            return;
        }
        AdminUiTelemetry.CacheLookup(CacheName, "miss");
        var mayContinue = await policy.SessionMayContinueAsync(adminId, stamp, context.HttpContext.RequestAborted);
        if (mayContinue == false)
        {
            logger.LogInformation("Ended the session of admin {AdminId}: the organization is disabled, the admin is gone or their password changed.", adminId);
            await EndAsync(context);
            return;
        }
        // An outage (null) keeps the session, asked again next request: every page reads PolicyService itself and shows the outage.
        if (mayContinue == true)
        {
            recent.Set(key, true, Interval);
        }
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
