using System.Diagnostics;

namespace Provisioning.Bench.Throughput;

/// <summary>Runs one of the benchmark's tools (wrk, pgbench, psql) to its end and returns what it printed.</summary>
public static class Tool
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
        return await output + await error;
    }
}
