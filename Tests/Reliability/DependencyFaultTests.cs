using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Reliability;

/// <summary>
/// Each fault under write load through the Gateway: acknowledged writes are rows, every 5xx is a
/// SCIM error (503 with Retry-After), nothing hangs while the dependency is away, and the system
/// recovers by itself once it is back. The full run (bench/reliability/run.sh) holds each fault
/// longer under more writers and records the figures in docs/reliability.md.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class DependencyFaultTests(ProvisioningApp app)
{
    private static TimeSpan Outage => ReliabilityRun.Full ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(4);

    [Fact]
    public Task PostgreSqlFrozenForSecondsLosesNoWriteAndNothingHangs() =>
        UnderWriteLoadAsync($"PostgreSQL frozen {Outage.TotalSeconds:0} s", async load =>
        {
            var frozen = LocalProcesses.Freeze(await LocalProcesses.PidOfAsync(app.App, "postgres-server"));
            try
            {
                await Task.Delay(Outage);
            }
            finally
            {
                LocalProcesses.Thaw(frozen);
            }
            return load.Now;
        });

    [Fact]
    public Task PostgreSqlKilledIsRestartedByTheAppHostAndWritesResume() =>
        UnderWriteLoadAsync("PostgreSQL killed", load => KillAndAwaitRestartAsync("postgres-server", load));

    [Fact]
    public Task RedisKilledIsRestartedByTheAppHostAndWritesGoOn() =>
        UnderWriteLoadAsync("Redis killed", load => KillAndAwaitRestartAsync("redis-server", load));

    [Fact]
    public Task PolicyServiceKilledAndStartedAgainLosesNoWrite() =>
        UnderWriteLoadAsync("PolicyService killed", async load =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            LocalProcesses.Kill(await LocalProcesses.PidOfAsync(app.App, "policyservice"));
            await app.App.ResourceNotifications.WaitForResourceAsync("policyservice", KnownResourceStates.TerminalStates, timeout.Token);
            await Task.Delay(Outage);
            var started = await app.App.ResourceCommands.ExecuteCommandAsync("policyservice", KnownResourceCommands.StartCommand, timeout.Token);
            Assert.True(started.Success, started.Message);
            await app.App.ResourceNotifications.WaitForResourceHealthyAsync("policyservice", WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
            return load.Now;
        });

    private async Task<TimeSpan> KillAndAwaitRestartAsync(string server, WriteLoad load)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        LocalProcesses.Kill(await LocalProcesses.PidOfAsync(app.App, server));
        // Nobody starts it here: the AppHost notices the death and starts the server again.
        await app.App.ResourceNotifications.WaitForResourceAsync(server, e => e.Snapshot.State?.Text != KnownResourceStates.Running, timeout.Token);
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync(server, WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
        return load.Now;
    }

    private Task UnderWriteLoadAsync(string fault, Func<WriteLoad, Task<TimeSpan>> inject) => FaultRun.UnderWriteLoadAsync(app, fault, inject);
}
