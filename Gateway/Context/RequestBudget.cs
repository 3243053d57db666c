using Provisioning.Contracts;

namespace Provisioning.Gateway.Context;

/// <summary>
/// A SCIM request answers within its deadline even while a dependency is away (docs/reliability.md): 2.5 s,
/// inside the 3 s promise, and a Bulk request longer (<see cref="GatewayOptions.RequestDeadline"/>). The clock starts when the Gateway first looks at the request; what the credential
/// check spent is gone, ScimService is told what is left (<see cref="InternalHeaders.Budget"/>), and the
/// Gateway answers <c>503</c> itself when ScimService has not begun to answer by then (<see cref="RequestDeadline"/>).
/// </summary>
public sealed record RequestBudget(long StartedAt, TimeSpan Total)
{
    public static RequestBudget Start(HttpContext context, TimeProvider clock, GatewayOptions options)
    {
        var total = IsBulk(context.Request) ? options.BulkRequestDeadline : options.RequestDeadline;
        var budget = new RequestBudget(clock.GetTimestamp(), total);
        context.Features.Set(budget);
        return budget;
    }

    public TimeSpan Remaining(TimeProvider clock)
    {
        var left = Total - clock.GetElapsedTime(StartedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The milliseconds left, never below zero.</summary>
    public long RemainingMilliseconds(TimeProvider clock) => (long)Remaining(clock).TotalMilliseconds;

    /// <summary>RFC 7644 §3.7: up to a thousand operations in one request, each a write of its own.</summary>
    private static bool IsBulk(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path && path.EndsWith("/Bulk", StringComparison.OrdinalIgnoreCase);
}
