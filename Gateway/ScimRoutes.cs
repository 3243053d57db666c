namespace Provisioning.Gateway;

public static class ScimRoutes
{
    public static readonly PathString Prefix = "/scim";

    public static bool Matches(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
