using System.Globalization;
using System.Text.Json;

namespace Provisioning.Simulator.Reporting;

/// <summary>The summary as a table for a terminal, and the same as JSON for a file.</summary>
public static class SummaryPrinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(RunSummary summary, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Requests} requests from {summary.Tenants} tenant(s) in {summary.Seconds} s ({summary.RequestsPerSecond} req/s); {summary.Retried429} answered 429 and were retried"));
        output.WriteLine();
        output.WriteLine($"{"step",-36} {"requests",8}  {"by status",-22} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var step in summary.Steps)
        {
            var statuses = string.Join(" ", step.ByStatus.Select(s => $"{s.Key}:{s.Value}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{step.Step,-36} {step.Requests,8}  {statuses,-22} {step.P50Ms,8:0.0} {step.P95Ms,8:0.0} {step.P99Ms,8:0.0} {step.MaxMs,8:0.0}"));
        }
        output.WriteLine();
        if (summary.Errors.Count == 0)
        {
            output.WriteLine("No errors: every response was one the IdP accepts (retried 429s aside).");
            return;
        }
        output.WriteLine($"{summary.Errors.Sum(e => e.Count)} error(s):");
        foreach (var error in summary.Errors)
        {
            output.WriteLine($"  {error.Count} x {error.Step} -> {error.Status}: {error.Reason}");
            foreach (var example in error.Examples)
            {
                output.WriteLine($"      {example.Tenant} {example.Method} {example.Path}");
                output.WriteLine($"      {example.Response}");
            }
        }
    }

    public static async Task WriteJsonAsync(RunSummary summary, string file) =>
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(summary, Json));
}
