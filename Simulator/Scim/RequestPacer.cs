namespace Provisioning.Simulator.Scim;

/// <summary>
/// Spaces one tenant's requests evenly at its rate (requests per second), as an IdP's provisioning
/// worker does; 0 means as fast as the answers come. Thread-safe, so parallel steps share the pace.
/// </summary>
public sealed class RequestPacer(double requestsPerSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _interval = requestsPerSecond > 0 ? TimeSpan.FromSeconds(1 / requestsPerSecond) : TimeSpan.Zero;
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>The wait before the next request may go; it also books that slot.</summary>
    public TimeSpan Reserve()
    {
        if (_interval == TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var slot = _next > now ? _next : now;
            _next = slot + _interval;
            return slot - now;
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
