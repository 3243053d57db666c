using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Provisioning.AdminUi.Authentication;

public static class AdminAuthentication
{
    public const string CookieName = "provisioning.admin";

    /// <summary>Cookie sign-in with a sliding session; every page but sign-in and the error page requires it.</summary>
    public static void AddAdminAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AdminUiOptions>>((cookie, options) =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/sign-in";
                cookie.LogoutPath = "/sign-out";
                cookie.AccessDeniedPath = "/sign-in";
                cookie.ExpireTimeSpan = options.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<SessionCheck>().ValidateAsync(context);
            });
        // Secure whenever the admin came over https: the Gateway's forwarded proto says so (see Extensions).
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddMemoryCache();
        services.AddScoped<SessionCheck>();
        services.AddAuthorization();
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Error");
        });
    }
}
