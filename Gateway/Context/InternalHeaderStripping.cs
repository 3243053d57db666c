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
            List<string>? found = null;
            // Looked for without allocating: almost no request carries one.
            foreach (var header in headers)
            {
                if (header.Key.StartsWith(InternalHeaders.Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    (found ??= []).Add(header.Key);
                }
            }
            if (found is not null)
            {
                foreach (var name in found)
                {
                    headers.Remove(name);
                }
            }
            return next(context);
        });
}
