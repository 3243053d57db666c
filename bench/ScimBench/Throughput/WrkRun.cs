using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Provisioning.Contracts;

namespace Provisioning.Bench.Throughput;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(long Requests, double Seconds, double RequestsPerSecond, double? P50Ms, double? P99Ms, long Failures);

/// <summary>
/// Runs wrk against one base URL with a generated Lua script: the scenario's targets in turn, its body with
/// a unique name per request, and either the bearer token (through the Gateway) or a tenant context
/// signed for each target (straight to ScimService, as the Gateway would add it).
/// </summary>
public static partial class WrkRun
{
    public static async Task<LoadResult> RunAsync(
        Scenario scenario, Uri baseUrl, string? bearerToken, Func<string, string, string>? signContext, LoadShape shape, string workDirectory,
        bool printFirstFailure = false)
    {
        var script = Path.Combine(workDirectory, $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Lua(scenario, bearerToken, signContext) + (printFirstFailure ? FailurePrinter : ""));
        var output = await Tool.RunAsync("wrk",
            ["-t", shape.Threads.ToString(CultureInfo.InvariantCulture), "-c", shape.Connections.ToString(CultureInfo.InvariantCulture),
             "-d", $"{shape.Seconds}s", "--timeout", "10s", "--latency", "-s", script, baseUrl.ToString().TrimEnd('/')]);
        File.Delete(script);
        var result = Parse(output);
        if (printFirstFailure)
        {
            foreach (var line in output.Split('\n').Where(l => l.StartsWith("HTTP ", StringComparison.Ordinal)))
            {
                Console.WriteLine("    " + line);
            }
        }
        return result;
    }

    private static string Lua(Scenario scenario, string? bearerToken, Func<string, string, string>? signContext)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local targets = {");
        foreach (var target in scenario.Targets)
        {
            var path = target.Path.Split('?')[0];
            var context = signContext?.Invoke(scenario.Method, Uri.UnescapeDataString(path));
            lua.AppendLine($"  {{ {Quote(target.Path)}, {(context is null ? "false" : Quote(context))}, {(target.Value is null ? "false" : Quote(target.Value))} }},");
        }
        lua.AppendLine("}");
        lua.AppendLine($$"""
            local run = "{{Guid.NewGuid().ToString("N")[..8]}}"
            local thread_number = 0
            local number = 0
            function setup(thread)
              thread_number = thread_number + 1
              thread:set("tid", thread_number)
            end
            function init(args)
              number = 0
            end
            function request()
              number = number + 1
              local n = number
              local unique = run .. "-" .. tid .. "-" .. n
              local target = targets[(n % #targets) + 1]
              local headers = { ["Content-Type"] = "application/scim+json", ["Accept"] = "application/scim+json" }
              {{(bearerToken is null ? "" : $"headers[\"Authorization\"] = {Quote("Bearer " + bearerToken)}")}}
              if target[2] then headers["{{InternalHeaders.Context}}"] = target[2] end
              local body = {{scenario.Body ?? "nil"}}
              return wrk.format("{{scenario.Method}}", target[1], headers, body)
            end
            """);
        return lua.ToString();
    }

    /// <summary>Prints each thread's first failed answer (reading bodies costs wrk time, so only while warming up).</summary>
    private const string FailurePrinter = """
        local reported = false
        function response(status, headers, body)
          if status >= 300 and not reported then
            reported = true
            print("HTTP " .. status .. ": " .. string.sub(body or "", 1, 400))
          end
        end
        """;

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static LoadResult Parse(string output)
    {
        var requests = RequestsLine().Match(output);
        var perSecond = PerSecondLine().Match(output);
        if (!requests.Success || !perSecond.Success)
        {
            throw new InvalidOperationException("wrk printed no result:\n" + output);
        }
        var failures = FailuresLine().Match(output) is { Success: true } f ? long.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = SocketErrorsLine().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new LoadResult(
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(requests.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(perSecond.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"), Percentile(output, "99%"), failures + errors);
    }

    private static double? Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return null;
        }
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex PerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex FailuresLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}

/// <summary>wrk's load: threads, open connections and seconds per run.</summary>
public sealed record LoadShape(int Threads, int Connections, int Seconds);
