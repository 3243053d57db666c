using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Provisioning.AdminUi.Clients;
using Provisioning.AdminUi.Observability;

namespace Provisioning.AdminUi.Authentication;

/// <summary>
/// Ends a signed-in admin's session once their organization is disabled or their account is gone.
/// The sign-in cookie alone would keep working for its whole lifetime; PolicyService is asked at
/// most every <see cref="Interval"/> per admin and replica, so the refusal is felt within seconds.
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
        var key = ("admin-session", adminId);
        if (recent.TryGetValue(key, out _))
        {
            AdminUiTelemetry.CacheLookup(CacheName, "hit");
            return;
        }
        AdminUiTelemetry.CacheLookup(CacheName, "miss");
        var mayContinue = await policy.SessionMayContinueAsync(adminId, context.HttpContext.RequestAborted);
        if (mayContinue == false)
        {
            logger.LogInformation("Ended the session of admin {AdminId}: the organization is disabled or the admin is gone.", adminId);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        // An outage (null) keeps the session, asked again next request: every page reads PolicyService itself and shows the outage.
        if (mayContinue == true)
        {
            recent.Set(key, true, Interval);
        }
    }
}
