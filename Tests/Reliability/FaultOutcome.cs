using System.Globalization;

namespace Provisioning.Tests.Reliability;

/// <summary>
/// What a fault under write load did, judged by the four rules: no acknowledged write
/// lost, no 5xx that is not a SCIM error (a 503 also says Retry-After), every request answered
/// within the bound while the dependency was away, and steady success again soon after it returned.
/// </summary>
public sealed record FaultOutcome(
    string Fault,
    int Requests,
    int Acknowledged,
    int AcknowledgedFound,
    int Rows,
    int Refused503,
    int Unexplained,
    TimeSpan LongestDuringOutage,
    TimeSpan? Recovery,
    string Statuses = "",
    string Slowest = "")
{
    public static FaultOutcome From(string fault, IReadOnlyList<WriteSample> samples, TimeSpan faultAt, TimeSpan backAt, int acknowledgedFound, int rows)
    {
        var recoveredAt = RecoveredAt(samples, backAt);
        // The outage lasts from the fault until the dependency is back and writes succeed again.
        var outageEnd = recoveredAt is { } at && at > backAt ? at : recoveredAt is null ? samples.Max(s => s.Start) : backAt;
        return new FaultOutcome(
            fault,
            samples.Count,
            samples.Count(s => s.Acknowledged),
            acknowledgedFound,
            rows,
            samples.Count(s => s.Status == 503),
            samples.Count(s => s.Unexplained),
            samples.Where(s => s.Start >= faultAt && s.Start <= outageEnd).Select(s => s.Latency).DefaultIfEmpty().Max(),
            recoveredAt is { } recovered ? recovered > backAt ? recovered - backAt : TimeSpan.Zero : null,
            string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))
                + string.Concat(samples.Where(s => s.Unexplained).Take(3).Select(s => $"; unexplained: {s.Status} {s.Detail}")),
            // Who answered the slowest requests, and when: where to look when the bound does not hold.
            string.Create(CultureInfo.InvariantCulture, $"dependency back {(backAt - faultAt).TotalSeconds:0.0} s after the fault; ") + string.Join("; ", samples.Where(s => s.Start >= faultAt && s.Start <= outageEnd).OrderByDescending(s => s.Latency).Take(3)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Latency.TotalSeconds:0.00} s from {(s.Start - faultAt).TotalSeconds:0.0} s: {s.Status} {s.Detail}"))));
    }

    /// <summary>The start of the first request after which every request succeeded.</summary>
    public static TimeSpan? RecoveredAt(IReadOnlyList<WriteSample> samples, TimeSpan backAt)
    {
        var ordered = samples.OrderBy(s => s.Start).ToList();
        var lastFailure = ordered.FindLastIndex(s => s.Status != 201);
        return lastFailure + 1 < ordered.Count ? ordered[lastFailure + 1].Start : null;
    }

    public void AssertHolds()
    {
        Assert.True(AcknowledgedFound == Acknowledged, $"{this}: {Acknowledged - AcknowledgedFound} acknowledged write(s) lost");
        Assert.True(Unexplained == 0, $"{this}: {Unexplained} answer(s) that were no answer, a 500, a 5xx without a SCIM error body, or a 503 without Retry-After");
        Assert.True(LongestDuringOutage <= ReliabilityRun.LatencyBound, $"{this}: a request took {LongestDuringOutage.TotalSeconds:0.0} s during the outage");
        Assert.True(Recovery is { } r && r <= ReliabilityRun.RecoveryBound, $"{this}: no steady success within {ReliabilityRun.RecoveryBound.TotalSeconds} s of the dependency returning");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Fault}: {Requests} writes, {Acknowledged} acknowledged, {AcknowledgedFound} of them rows ({Rows} rows in all), "
        + $"{Refused503} × 503, {Unexplained} unexplained, longest during the outage {LongestDuringOutage.TotalSeconds:0.00} s, "
        + $"recovery {(Recovery is { } r ? $"{r.TotalSeconds:0.0} s" : "none")} (statuses {Statuses}; slowest: {Slowest})");
}
