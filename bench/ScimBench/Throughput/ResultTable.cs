using System.Globalization;
using System.Text;

namespace Provisioning.Bench.Throughput;

/// <summary>One run: what the load tool saw, the statements PostgreSQL ran and the CPU each role spent meanwhile.</summary>
public sealed record Measurement(LoadResult Load, long Statements, IReadOnlyDictionary<string, double> CpuMs);

/// <summary>
/// The benchmark's one table, in Markdown so it can be pasted into docs/benchmarks.md: per request kind
/// and route the median over rounds of req/s, p50 and p99; ratios against nginx, against YARP alone and
/// against the scenario's baseline, each the median of the rounds' own ratios (the two sides of a round
/// run minutes apart at most, while the machine's speed drifts between rounds) with the rounds' ratios
/// beside it; statements and CPU per request summed over all rounds.
/// </summary>
public sealed class ResultTable(IReadOnlyList<Scenario> scenarios)
{
    /// <summary>The route through <see cref="YarpAlone"/>.</summary>
    public const string YarpAloneRoute = "YARP alone";

    private static readonly string[] CpuColumns = ["gateway", "scimservice", "policyservice", "postgres", "redis", "dcp", "nginx", "yarp-alone"];
    private readonly Dictionary<(string Scenario, string Route), SortedDictionary<int, Measurement>> _runs = [];

    public void Add(string scenario, string route, int round, Measurement measurement)
    {
        if (!_runs.TryGetValue((scenario, route), out var runs))
        {
            _runs[(scenario, route)] = runs = [];
        }
        runs.Add(round, measurement);
    }

    public void Print(int users, LoadShape shape, int rounds, IReadOnlyDictionary<string, double> residentMegabytes)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"{users:N0} users in the connection; wrk -t{shape.Threads} -c{shape.Connections} -d{shape.Seconds}s and pgbench -c{shape.Connections} -j{shape.Threads} -T{shape.Seconds} -M prepared; medians of {rounds} alternating rounds; ratios are the median of the rounds' own, which follow in brackets.");
        table.AppendLine();
        table.AppendLine("| request | via | req/s | p50 ms | p99 ms | failed | vs nginx | vs YARP alone | vs baseline | statements/req | CPU ms/req: " + string.Join(" | ", CpuColumns) + " |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|---:|" + string.Concat(CpuColumns.Select(_ => "---:|")));
        foreach (var scenario in scenarios)
        {
            foreach (var route in new[] { "Gateway", "nginx", YarpAloneRoute, "pgbench" })
            {
                if (!_runs.TryGetValue((scenario.Name, route), out var byRound))
                {
                    continue;
                }
                var runs = byRound.Values;
                var requests = runs.Sum(r => r.Load.Requests);
                var rate = Median(runs.Select(r => r.Load.RequestsPerSecond));
                var versusNginx = route is "Gateway" or YarpAloneRoute ? Ratio((scenario.Name, route), (scenario.Name, "nginx"), "0.00") : "";
                var versusYarpAlone = route == "Gateway" ? Ratio((scenario.Name, route), (scenario.Name, YarpAloneRoute), "0.00") : "";
                var versusBaseline = route == "Gateway" && scenario.Baseline is { } baseline
                    && Ratio((scenario.Name, route), baseline == "pgbench" ? (scenario.Name, "pgbench") : (baseline, "Gateway"), "0.000") is { Length: > 0 } ratio
                    ? $"{ratio} {baseline}"
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

    /// <summary>
    /// The median of one route's rate over another's, round by round, then the rounds' own in order: "0.86× (0.83, 0.91, 0.70)".
    /// Empty when the two never ran in the same round.
    /// </summary>
    private string Ratio((string Scenario, string Route) measured, (string Scenario, string Route) against, string format)
    {
        if (!_runs.TryGetValue(measured, out var ours) || !_runs.TryGetValue(against, out var theirs))
        {
            return "";
        }
        var byRound = ours.Keys.Where(theirs.ContainsKey)
            .Select(round => ours[round].Load.RequestsPerSecond / theirs[round].Load.RequestsPerSecond)
            .ToArray();
        return byRound.Length switch
        {
            0 => "",
            1 => $"{byRound[0].ToString(format, CultureInfo.InvariantCulture)}×",
            _ => $"{Median(byRound).ToString(format, CultureInfo.InvariantCulture)}× ({string.Join(", ", byRound.Select(r => r.ToString(format, CultureInfo.InvariantCulture)))})",
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double? Median(IEnumerable<double?> values) =>
        values.OfType<double>().ToArray() is { Length: > 0 } known ? Median(known) : null;

    private static string Format(double? milliseconds) => milliseconds is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) : "";
}
