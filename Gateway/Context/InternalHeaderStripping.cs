using Provisioning.Contracts;

namespace Provisioning.Gateway.Context;

public static class InternalHeaderStripping
{
    /// <summary>
    /// Removes every inbound header in the internal namespace, so no client can pose as the
    /// Gateway or as another organization. The Gateway adds its own afterwards.
    /// </summary>
    public static IApplicationBuilder UseInternalHeaderStripping(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            foreach (var name in headers.Keys.Where(k => k.StartsWith(InternalHeaders.Prefix, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                headers.Remove(name);
            }
            return next(context);
        });
}
