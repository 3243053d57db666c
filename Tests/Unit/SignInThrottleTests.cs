using Provisioning.PolicyService.Admins;

namespace Provisioning.Tests.Unit;

public sealed class SignInThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void FiveFailuresWithinTheWindowPauseTheEmailUntilTheOldestLeavesIt()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            Assert.False(throttle.IsLockedOut("a@example.com"));
            throttle.RecordFailure("a@example.com");
            clock.Now += TimeSpan.FromMinutes(1);
        }

        Assert.True(throttle.IsLockedOut("a@example.com"));
        Assert.False(throttle.IsLockedOut("b@example.com"));
        clock.Now += SignInThrottle.Window - TimeSpan.FromMinutes(SignInThrottle.MaxFailures) + TimeSpan.FromSeconds(1);
        Assert.False(throttle.IsLockedOut("a@example.com"));
    }

    [Fact]
    public void ASuccessClearsTheFailures()
    {
        var throttle = new SignInThrottle(new ManualClock());
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.RecordFailure("a@example.com");
        }

        throttle.RecordSuccess("a@example.com");
        throttle.RecordFailure("a@example.com");

        Assert.False(throttle.IsLockedOut("a@example.com"));
    }
}
