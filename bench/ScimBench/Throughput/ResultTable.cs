using System.Globalization;
using System.Text;

namespace Provisioning.Bench.Throughput;

/// <summary>One run: what the load tool saw, the statements PostgreSQL ran and the CPU each role spent meanwhile.</summary>
public sealed record Measurement(LoadResult Load, long Statements, IReadOnlyDictionary<string, double> CpuMs);

/// <summary>
/// The benchmark's one table, in Markdown so it can be pasted into docs/benchmarks.md: per request kind
/// and route the median over rounds of req/s, p50 and p99; ratios against nginx, against YARP alone and
/// against the scenario's baseline; statements and CPU per request summed over all rounds.
/// </summary>
public sealed class ResultTable(IReadOnlyList<Scenario> scenarios)
{
    /// <summary>The route through <see cref="YarpAlone"/>.</summary>
    public const string YarpAloneRoute = "YARP alone";

    private static readonly string[] CpuColumns = ["gateway", "scimservice", "policyservice", "postgres", "redis", "dcp", "nginx", "yarp-alone"];
    private readonly Dictionary<(string Scenario, string Route), List<Measurement>> _runs = [];

    public void Add(string scenario, string route, Measurement measurement)
    {
        if (!_runs.TryGetValue((scenario, route), out var runs))
        {
            _runs[(scenario, route)] = runs = [];
        }
        runs.Add(measurement);
    }

    public void Print(int users, LoadShape shape, int rounds, IReadOnlyDictionary<string, double> residentMegabytes)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"{users:N0} users in the connection; wrk -t{shape.Threads} -c{shape.Connections} -d{shape.Seconds}s and pgbench -c{shape.Connections} -j{shape.Threads} -T{shape.Seconds} -M prepared; medians of {rounds} alternating rounds.");
        table.AppendLine();
        table.AppendLine("| request | via | req/s | p50 ms | p99 ms | failed | vs nginx | vs YARP alone | vs baseline | statements/req | CPU ms/req: " + string.Join(" | ", CpuColumns) + " |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|---:|" + string.Concat(CpuColumns.Select(_ => "---:|")));
        foreach (var scenario in scenarios)
        {
            foreach (var route in new[] { "Gateway", "nginx", YarpAloneRoute, "pgbench" })
            {
                if (!_runs.TryGetValue((scenario.Name, route), out var runs))
                {
                    continue;
                }
                var requests = runs.Sum(r => r.Load.Requests);
                var rate = Median(runs.Select(r => r.Load.RequestsPerSecond));
                var versusNginx = route is "Gateway" or YarpAloneRoute && Rate(scenario.Name, "nginx") is { } nginx ? $"{rate / nginx:0.00}×" : "";
                var versusYarpAlone = route == "Gateway" && Rate(scenario.Name, YarpAloneRoute) is { } yarp ? $"{rate / yarp:0.00}×" : "";
                var versusBaseline = route == "Gateway" && scenario.Baseline is { } baseline
                    ? (baseline == "pgbench" ? Rate(scenario.Name, "pgbench") : Rate(baseline, "Gateway")) is { } other
                        ? $"{rate / other:0.000}× {baseline}" : ""
                    : "";
                var cpu = CpuColumns.Select(c => requests == 0 ? "" : (runs.Sum(r => r.CpuMs[c]) / requests).ToString("0.000", CultureInfo.InvariantCulture));
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {scenario.Name} | {route} | {rate:N0} | {(route == "pgbench" ? "mean " : "")}{Format(Median(runs.Select(r => r.Load.P50Ms)))} | {Format(Median(runs.Select(r => r.Load.P99Ms)))} | {runs.Sum(r => r.Load.Failures)} | {versusNginx} | {versusYarpAlone} | {versusBaseline} | {(double)runs.Sum(r => r.Statements) / Math.Max(1, requests):0.00} | {string.Join(" | ", cpu)} |");
            }
        }
        table.AppendLine();
        table.AppendLine("RSS after the load: " + string.Join(", ", residentMegabytes.OrderBy(m => m.Key).Select(m => $"{m.Key} {m.Value:0} MB")) + ".");
        table.AppendLine("statements/req: pg_stat_statements calls (BEGIN left out: it rides with the first statement) over requests, an upper bound on round trips.");
        table.AppendLine("CPU ms/req: /proc user+system time of each role's processes over the run, over requests; dcp is Aspire's orchestrator and endpoint proxies.");
        Console.WriteLine();
        Console.Write(table);
    }

    private double? Rate(string scenario, string route) =>
        _runs.TryGetValue((scenario, route), out var runs) ? Median(runs.Select(r => r.Load.RequestsPerSecond)) : null;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double? Median(IEnumerable<double?> values) =>
        values.OfType<double>().ToArray() is { Length: > 0 } known ? Median(known) : null;

    private static string Format(double? milliseconds) => milliseconds is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) : "";
}
