using Provisioning.Contracts;

namespace Provisioning.ScimService.Internal;

public static class InternalRoutes
{
    /// <summary>
    /// A route group under /internal that answers only the named callers, each by its own key
    /// (the Admin UI unless said otherwise). The Gateway never routes /internal.
    /// </summary>
    public static RouteGroupBuilder MapInternalRoutes(this IEndpointRouteBuilder app, string prefix, params InternalCaller[] callers) =>
        app.MapGroup("/internal" + prefix).AllowCallers(callers.Length == 0 ? [InternalCaller.AdminUi] : callers);
}
