namespace Provisioning.Gateway;

public static class ScimRoutes
{
    public static readonly PathString Prefix = "/scim";

    /// <summary>The methods RFC 7644 uses; the proxy route forwards only these (see appsettings.json).</summary>
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static bool Matches(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
