using System.Collections.Concurrent;

namespace Provisioning.PolicyService.Admins;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins for one email within
/// <see cref="Window"/>, that email is refused — even with the right password, so the answer
/// tells nothing — until the oldest failure leaves the window. Unknown emails count the same as
/// known ones. Kept in memory per PolicyService replica.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsLockedOut(string email)
    {
        if (!_failures.TryGetValue(email, out var failures))
        {
            return false;
        }
        lock (failures)
        {
            Forget(failures);
            return failures.Count >= MaxFailures;
        }
    }

    public void RecordFailure(string email)
    {
        var failures = _failures.GetOrAdd(email, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Forget(failures);
            failures.Enqueue(clock.GetUtcNow());
        }
    }

    public void RecordSuccess(string email) => _failures.TryRemove(email, out _);

    private void Forget(Queue<DateTimeOffset> failures)
    {
        var horizon = clock.GetUtcNow() - Window;
        while (failures.Count > 0 && failures.Peek() <= horizon)
        {
            failures.Dequeue();
        }
    }
}
