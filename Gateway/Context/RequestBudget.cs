using Provisioning.Contracts;

namespace Provisioning.Gateway.Context;

/// <summary>
/// A SCIM request answers within 3 s even while a dependency is away (docs/reliability.md). The clock
/// starts when the Gateway first looks at the request; what the credential check spent is gone, and
/// ScimService is told what is left (<see cref="InternalHeaders.Budget"/>).
/// </summary>
public sealed record RequestBudget(long StartedAt)
{
    public static readonly TimeSpan Total = TimeSpan.FromSeconds(3);

    public static void Start(HttpContext context, TimeProvider clock) => context.Features.Set(new RequestBudget(clock.GetTimestamp()));

    /// <summary>The milliseconds left, never below zero.</summary>
    public long RemainingMilliseconds(TimeProvider clock) =>
        Math.Max(0, (long)(Total - clock.GetElapsedTime(StartedAt)).TotalMilliseconds);
}
