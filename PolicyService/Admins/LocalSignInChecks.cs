namespace Provisioning.PolicyService.Admins;

/// <summary>
/// The sign-in throttle of one replica, used while Redis cannot be reached: the same sliding window,
/// reserved under a lock. At most <see cref="Capacity"/> emails are tracked; when that many have
/// checks inside the window, further emails are refused until room frees up (failing closed: a
/// flood of made-up emails must not push out the record of the one under attack).
/// </summary>
public sealed class LocalSignInChecks(TimeProvider clock)
{
    public const int Capacity = 10_000;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _checks = new(StringComparer.Ordinal);
    private DateTimeOffset _sweptAt = DateTimeOffset.MinValue;

    public int Count
    {
        get
        {
            lock (_checks)
            {
                return _checks.Count;
            }
        }
    }

    public bool TryReserve(string email)
    {
        var now = clock.GetUtcNow();
        lock (_checks)
        {
            if (!_checks.TryGetValue(email, out var checks))
            {
                if (_checks.Count >= Capacity && !Sweep(now))
                {
                    return false;
                }
                checks = new Queue<DateTimeOffset>();
                _checks[email] = checks;
            }
            Forget(checks, now);
            if (checks.Count >= SignInThrottle.MaxChecks)
            {
                return false;
            }
            checks.Enqueue(now);
            return true;
        }
    }

    public void Clear(string email)
    {
        lock (_checks)
        {
            _checks.Remove(email);
        }
    }

    /// <summary>Drops emails with no check left in the window (at most once a second); true when that made room.</summary>
    private bool Sweep(DateTimeOffset now)
    {
        if (now - _sweptAt < SweepInterval)
        {
            return false;
        }
        _sweptAt = now;
        foreach (var (email, checks) in _checks)
        {
            Forget(checks, now);
            if (checks.Count == 0)
            {
                _checks.Remove(email);
            }
        }
        return _checks.Count < Capacity;
    }

    private static void Forget(Queue<DateTimeOffset> checks, DateTimeOffset now)
    {
        var horizon = now - SignInThrottle.Window;
        while (checks.Count > 0 && checks.Peek() <= horizon)
        {
            checks.Dequeue();
        }
    }
}
