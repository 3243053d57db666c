using System.Globalization;

namespace Provisioning.Tests.Reliability;

/// <summary>
/// The reliability suite runs short in <c>./test.sh</c> and full through
/// <c>bench/reliability/run.sh</c> (<c>RELIABILITY_FULL=1</c>): longer outages, more load, the
/// 10-minute soak and 100,000 fuzz inputs. Each test appends its figures to the run's report.
/// </summary>
public static class ReliabilityRun
{
    public static bool Full { get; } = Environment.GetEnvironmentVariable("RELIABILITY_FULL") == "1";

    /// <summary>
    /// The bound the product keeps (docs/reliability.md) is 3 s; the short versions run beside the
    /// rest of the suite on a shared two-core machine and allow for that, the full run does not.
    /// </summary>
    public static TimeSpan LatencyBound => Full ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(6);

    public static TimeSpan RecoveryBound => Full ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(20);

    public static int Writers => Full ? 8 : 3;

    private static readonly Lock ReportLock = new();

    public static string ReportPath { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("RELIABILITY_REPORT_DIR") ?? Path.Combine(AppContext.BaseDirectory, "reliability"),
        "figures.md");

    /// <summary>One line of figures for the report (and the test output).</summary>
    public static void Record(string line)
    {
        lock (ReportLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
            File.AppendAllText(ReportPath, string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:u} {(Full ? "full" : "short")} | {line}\n"));
        }
    }
}

/// <summary>A test that only the full reliability run executes (the soak, the replica fault).</summary>
public sealed class FullReliabilityFactAttribute : FactAttribute
{
    public FullReliabilityFactAttribute()
    {
        if (!ReliabilityRun.Full)
        {
            Skip = "Runs in the full reliability suite only: bench/reliability/run.sh";
        }
    }
}
