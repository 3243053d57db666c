using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// What PostgreSQL logged while the benchmark measured (the AppHost's <c>Infrastructure:PostgresDiagnostics</c>):
/// statements and autovacuums over a second, lock waits over a second, checkpoints. A round whose writes stall
/// for seconds then says why, where the table alone shows only the failures.
/// </summary>
public sealed partial class PostgresLog : IAsyncDisposable
{
    private readonly List<string> _lines = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private readonly bool _kept;

    private PostgresLog(DistributedApplication app)
    {
        // The local server (LocalPostgres) takes the diagnostics switch; a container's PostgreSQL (Infrastructure:Mode=container) does not.
        var server = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.SingleOrDefault(r => r.Name == "postgres-server");
        _kept = server is not null;
        _reading = server is null ? Task.CompletedTask : ReadAsync(app.Services.GetRequiredService<ResourceLoggerService>(), server, _stop.Token);
    }

    /// <summary>Keeps the server's notable log lines, those it logged before this call included.</summary>
    public static PostgresLog Follow(DistributedApplication app) => new(app);

    private async Task ReadAsync(ResourceLoggerService logs, IResource server, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(server).WithCancellation(cancellationToken))
            {
                lock (_lines)
                {
                    // The server's own time stamp leads each line; the one Aspire puts before it goes.
                    _lines.AddRange(batch.Select(line => AspireTimeStamp().Replace(line.Content, "")).Where(line => Notable().IsMatch(line)));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Counts of each kind, then every line (up to a screenful), each with the server's own time stamp.</summary>
    public void Print(string since)
    {
        if (!_kept)
        {
            Console.WriteLine();
            Console.WriteLine("PostgreSQL's log was not kept: the system runs a container's server, not the local one.");
            return;
        }
        string[] lines;
        lock (_lines)
        {
            lines = [.. _lines];
        }
        int Count(string kind) => lines.Count(line => Kind(line) == kind);
        Console.WriteLine();
        Console.WriteLine($"PostgreSQL {since}: {Count("statement")} statements over 1 s, {Count("lock wait")} lock waits over 1 s, "
            + $"{Count("autovacuum")} autovacuums or analyzes over 1 s, {Count("checkpoint")} checkpoints.");
        foreach (var line in lines.Take(40))
        {
            Console.WriteLine("  " + (line.Length > 240 ? line[..240] + " …" : line));
        }
    }

    private static string Kind(string line) =>
        line.Contains("duration:", StringComparison.Ordinal) ? "statement"
        : line.Contains("still waiting for", StringComparison.Ordinal) ? "lock wait"
        : line.Contains("checkpoint complete", StringComparison.Ordinal) ? "checkpoint"
        : line.Contains("automatic ", StringComparison.Ordinal) ? "autovacuum"
        : "other";

    [GeneratedRegex(@"duration: |still waiting for|acquired \w+ on|checkpoint complete|automatic (vacuum|analyze)")]
    private static partial Regex Notable();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\S+Z ")]
    private static partial Regex AspireTimeStamp();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
