using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Provisioning.AppHost.Infrastructure;

/// <summary>Marks a local server process that the AppHost starts again when it dies.</summary>
public sealed class RestartWhenDiedAnnotation : IResourceAnnotation;

public static class LocalServerSupervision
{
    /// <summary>
    /// A container runtime restarts a crashed PostgreSQL or Redis container; a local server process
    /// needs the AppHost to do it, or the system stays down until someone restarts it by hand.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> WithRestartWhenDied(this IResourceBuilder<ExecutableResource> server)
    {
        server.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalServerSupervisor>());
        return server.WithAnnotation(new RestartWhenDiedAnnotation());
    }
}

/// <summary>
/// Watches the supervised servers and starts one again when it exits with a non-zero code (killed,
/// crashed, or failed to start while the old one's children were still leaving). A clean exit —
/// the dashboard's or a test's stop command — is left alone: someone meant it.
/// </summary>
public sealed class LocalServerSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ILogger<LocalServerSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, int> _attempts = [];
    private readonly Dictionary<string, bool> _dead = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (!update.Resource.Annotations.OfType<RestartWhenDiedAnnotation>().Any())
                {
                    continue;
                }
                var state = update.Snapshot.State?.Text;
                var name = update.Resource.Name;
                if (state == KnownResourceStates.Running)
                {
                    _attempts.Remove(name);
                }
                var died = Died(state, update.Snapshot.ExitCode);
                // A dead resource publishes several updates; only the first starts it again.
                var newlyDead = died && !_dead.GetValueOrDefault(name);
                _dead[name] = died;
                if (newlyDead)
                {
                    var attempt = _attempts[name] = _attempts.GetValueOrDefault(name) + 1;
                    _ = RestartAsync(update.Resource, attempt, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private static bool Died(string? state, int? exitCode) =>
        state == KnownResourceStates.FailedToStart
        || (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished) && exitCode is not (null or 0);

    private async Task RestartAsync(IResource server, int attempt, CancellationToken stoppingToken)
    {
        // Quick at first (a server that was killed comes back in about a second), slower when it keeps failing.
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks * (1L << Math.Min(attempt - 1, 4)), LongestDelay.Ticks));
        logger.LogWarning("{Server} died; starting it again in {Delay} ms (attempt {Attempt}).", server.Name, delay.TotalMilliseconds, attempt);
        try
        {
            await Task.Delay(delay, stoppingToken);
            var started = await commands.ExecuteCommandAsync(server, KnownResourceCommands.StartCommand, stoppingToken);
            if (!started.Success)
            {
                logger.LogError("Could not start {Server} again: {Message}", server.Name, started.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}
