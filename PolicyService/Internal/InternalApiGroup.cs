using Provisioning.Contracts;

namespace Provisioning.PolicyService.Internal;

public static class InternalApiGroup
{
    /// <summary>A route group under /internal that answers only the named callers, each by its own key.</summary>
    public static RouteGroupBuilder MapInternalGroup(this IEndpointRouteBuilder app, string prefix, string tag, params InternalCaller[] callers) =>
        callers.Length == 0
            ? throw new ArgumentException($"Internal routes under {prefix} name no caller: every group says who may call it.", nameof(callers))
            : app.MapGroup("/internal" + prefix)
                .WithTags(tag)
                .AllowCallers(callers);
}
