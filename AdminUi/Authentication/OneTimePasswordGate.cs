using Provisioning.AdminUi.Pages.Account;

namespace Provisioning.AdminUi.Authentication;

public static class OneTimePasswordGate
{
    /// <summary>
    /// An admin who signed in with a one-time password reaches only the page that replaces it (and
    /// sign-out) until they have: whoever read the password on the way cannot use the session for more.
    /// </summary>
    public static IApplicationBuilder UseOneTimePasswordGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.MustChangePasswordOf()
            && !path.StartsWithSegments(ChangePasswordModel.Path, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/sign-out", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(ChangePasswordModel.Path);
            return;
        }
        await next(context);
    });
}
