using System.Collections.Concurrent;

namespace Provisioning.Simulator.Reporting;

/// <summary>Collects every exchange of every tenant; prints a failure the moment it happens, with why.</summary>
public sealed class Recorder(TextWriter? failures = null)
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    public void Add(Exchange exchange)
    {
        _exchanges.Enqueue(exchange);
        if (exchange.Failure is not null && failures is not null)
        {
            lock (failures)
            {
                failures.WriteLine($"FAIL {exchange.Tenant} {exchange.Step}: {exchange.Method} {exchange.Path} -> {exchange.Status}: {exchange.Failure}");
                failures.WriteLine($"     {Checks.Checks.Excerpt(exchange.Response ?? "", 200)}");
            }
        }
    }

    public IReadOnlyList<Exchange> Exchanges => [.. _exchanges];

    public IEnumerable<Exchange> Of(string tenant) => _exchanges.Where(e => e.Tenant == tenant);
}
