using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Realms.Reconciliation;

/// <summary>
/// Keeps roles in step with settings without PolicyService ever calling this service. A connection
/// is reconciled when its invalidation message arrives; and at start-up, every few minutes and when
/// Redis comes back, the versions PolicyService holds are compared with the ones reconciled here, so a
/// message missed while this service was stopped (or Redis away) is made up for. A failure is logged
/// and retried by the next sweep.
/// </summary>
public sealed class SettingsReconciler(
    IServiceScopeFactory scopes, PolicyServiceClient policyService, ILogger<SettingsReconciler> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(2);

    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, byte> _queued = new();
    private readonly SemaphoreSlim _sweepRequested = new(0, 1);

    /// <summary>Reconciles the connection soon (once, however often it is asked before its turn).</summary>
    public void Enqueue(Guid connectionId)
    {
        if (_queued.TryAdd(connectionId, 0))
        {
            _queue.Writer.TryWrite(connectionId);
        }
    }

    /// <summary>Compares every version with PolicyService's now, not at the next interval.</summary>
    public void RequestSweep()
    {
        if (_sweepRequested.CurrentCount == 0)
        {
            try
            {
                _sweepRequested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller asked at the same moment: one sweep serves both.
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SweepAsync(stoppingToken), ReconcileQueuedAsync(stoppingToken));

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnqueueBehindAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Settings versions could not be compared ({Fault}); trying again in {Interval}.", e.GetType().Name, SweepInterval);
            }
            try
            {
                await _sweepRequested.WaitAsync(SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task EnqueueBehindAsync(CancellationToken cancellationToken)
    {
        var versions = await policyService.GetSettingsVersionsAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
        var reconciled = await db.SettingsReconciliations.AsNoTracking()
            .ToDictionaryAsync(r => r.ConnectionId, r => r.SettingsVersion, cancellationToken);
        foreach (var version in versions.Where(v => v.SettingsVersion > reconciled.GetValueOrDefault(v.ConnectionId)))
        {
            Enqueue(version.ConnectionId);
        }
    }

    private async Task ReconcileQueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var connectionId in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                _queued.TryRemove(connectionId, out _);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var reconciliation = scope.ServiceProvider.GetRequiredService<RoleReconciliation>();
                    switch (await reconciliation.SettingsOfAsync(connectionId, stoppingToken))
                    {
                        case SettingsLookup.Found found:
                            var reconciled = await reconciliation.ReconcileAsync(found.Settings, stoppingToken);
                            logger.LogDebug("Connection {ConnectionId} reconciled with settings version {SettingsVersion}.", connectionId, reconciled.SettingsVersion);
                            break;
                        case SettingsLookup.Unavailable:
                            logger.LogWarning("Roles of connection {ConnectionId} could not be reconciled yet (PolicyService did not answer); the next sweep tries again.", connectionId);
                            break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Roles of connection {ConnectionId} could not be reconciled yet ({Fault}); the next sweep tries again.", connectionId, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
