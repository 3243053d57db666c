using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Reliability;

/// <summary>Runs write load on a fresh tenant, injects a fault, keeps the load on until writes are steady again, and judges the outcome.</summary>
public static class FaultRun
{
    /// <param name="inject">Injects the fault and returns when (on the load's clock) the dependency was back.</param>
    public static async Task UnderWriteLoadAsync(ProvisioningApp app, string fault, Func<WriteLoad, Task<TimeSpan>> inject)
    {
        var tenant = await app.CreateTenantAsync();
        // The load measures faults, not the per-credential limit: on a quiet machine the writers
        // outrun the default 100 requests/s, and 429s would read as an outage that never ends.
        await app.SetRateLimitAsync(tenant.Connection.Id, new Provisioning.Contracts.ConnectionRateLimit(RequestsPerSecond: 10_000, Burst: 10_000));
        var load = new WriteLoad(tenant, ReliabilityRun.Writers);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        TimeSpan faultAt, backAt;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            faultAt = load.Now;
            backAt = await inject(load);
            await UntilSteadyAsync(load, backAt);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
        var (found, rows) = await load.CountRowsAsync(app);
        var outcome = FaultOutcome.From(fault, load.Samples, faultAt, backAt, found, rows);
        ReliabilityRun.Record(outcome.ToString());
        outcome.AssertHolds();
    }

    /// <summary>Keeps the load on until two seconds of writes have all succeeded, or the recovery bound has passed.</summary>
    private static async Task UntilSteadyAsync(WriteLoad load, TimeSpan backAt)
    {
        while (load.Now - backAt < ReliabilityRun.RecoveryBound + TimeSpan.FromSeconds(3))
        {
            await Task.Delay(500);
            var recovered = FaultOutcome.RecoveredAt(load.Samples, backAt);
            if (recovered is { } at && load.Now - at > TimeSpan.FromSeconds(2) && load.Samples.Any(s => s.Start > at + TimeSpan.FromSeconds(1)))
            {
                return;
            }
        }
    }
}
