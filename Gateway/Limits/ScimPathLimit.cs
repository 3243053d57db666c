namespace Provisioning.Gateway.Limits;

/// <summary>
/// SCIM paths are short: an id is a GUID, and the longest path is a schema's URN. A path past
/// <see cref="MaxPathLength"/> characters names no resource, and is answered here as any id that names nothing:
/// the signed context carries the path (escaped, up to 6 bytes a character), and a longer one would outgrow
/// the context header ScimService reads, so a valid credential would get a 401.
/// </summary>
public static class ScimPathLimit
{
    public const int MaxPathLength = 1024;

    public static IApplicationBuilder UseScimPathLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value?.Length > MaxPathLength)
            {
                await ScimErrors.WriteAsync(context, StatusCodes.Status404NotFound, "No SCIM resource has a path this long.");
                return;
            }
            await next(context);
        });
}
