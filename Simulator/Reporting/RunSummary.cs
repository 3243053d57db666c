namespace Provisioning.Simulator.Reporting;

/// <summary>What a run did, per step: requests by status, latency percentiles, and the errors with examples.</summary>
public sealed record RunSummary(
    int Tenants,
    double Seconds,
    int Requests,
    int Retried429,
    double RequestsPerSecond,
    IReadOnlyList<StepSummary> Steps,
    IReadOnlyList<ErrorSummary> Errors)
{
    /// <summary>How many examples of each error are kept: enough to see the pattern, not a dump.</summary>
    public const int ExamplesPerError = 3;

    public bool Succeeded => Errors.Count == 0;

    public static RunSummary From(IReadOnlyCollection<Exchange> exchanges, int tenants, TimeSpan elapsed)
    {
        var steps = exchanges
            .GroupBy(e => e.Step)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var latencies = g.Select(e => e.LatencyMs).Order().ToArray();
                return new StepSummary(
                    g.Key,
                    g.Count(),
                    g.GroupBy(e => e.Status).OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Count()),
                    Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99), latencies[^1]);
            })
            .ToList();
        var errors = exchanges
            .Where(e => e.Failure is not null)
            .GroupBy(e => (e.Step, e.Status, e.Failure))
            .OrderByDescending(g => g.Count())
            .Select(g => new ErrorSummary(g.Key.Step, g.Key.Status, g.Key.Failure!, g.Count(),
                [.. g.Take(ExamplesPerError).Select(e => new ErrorExample(e.Tenant, e.Method, e.Path, e.Response ?? ""))]))
            .ToList();
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        return new RunSummary(tenants, Math.Round(seconds, 1), exchanges.Count, exchanges.Count(e => e.Retried),
            Math.Round(exchanges.Count / seconds, 1), steps, errors);
    }

    /// <summary>Nearest rank on sorted samples: the smallest value with at least p% of the samples at or below it.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 1);
    }
}

public sealed record StepSummary(string Step, int Requests, IReadOnlyDictionary<string, int> ByStatus, double P50Ms, double P95Ms, double P99Ms, double MaxMs);

public sealed record ErrorSummary(string Step, int Status, string Reason, int Count, IReadOnlyList<ErrorExample> Examples);

public sealed record ErrorExample(string Tenant, string Method, string Path, string Response);
