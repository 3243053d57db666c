using System.Diagnostics;
using System.Globalization;

namespace Provisioning.Bench;

/// <summary>Times operations and prints medians, 95th percentiles and the ratio against a baseline.</summary>
public sealed class Report
{
    private readonly List<(string Name, double Median, double P95, string? Baseline)> _rows = [];

    public static async Task<(double Median, double P95)> TimeAsync(int iterations, Func<int, Task> operation)
    {
        for (var i = 0; i < Math.Min(5, iterations); i++)
        {
            await operation(-1 - i);
        }
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[iterations / 2], samples[(int)Math.Ceiling(iterations * 0.95) - 1]);
    }

    public void Add(string name, (double Median, double P95) timing, string? baselineOf = null) =>
        _rows.Add((name, timing.Median, timing.P95, baselineOf));

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"{"operation",-68} {"median ms",10} {"p95 ms",10} {"ratio",8}");
        foreach (var row in _rows)
        {
            var ratio = "";
            if (row.Baseline is not null)
            {
                var ours = _rows.Single(r => r.Name == row.Baseline);
                ratio = (row.Median / ours.Median).ToString("0.0", CultureInfo.InvariantCulture) + "x";
            }
            Console.WriteLine($"{row.Name,-68} {row.Median,10:0.00} {row.P95,10:0.00} {ratio,8}");
        }
        Console.WriteLine("ratio: the baseline's median over ours (higher is better for us).");
    }
}
