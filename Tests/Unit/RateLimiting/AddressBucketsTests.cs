using Microsoft.AspNetCore.Http;
using Provisioning.Gateway.RateLimiting;

namespace Provisioning.Tests.Unit.RateLimiting;

public sealed class AddressBucketsTests
{
    private static readonly AddressBucketOptions TenPerSecondBurstThree = new() { Burst = 3, PerSecond = 10 };

    [Fact]
    public void AnAddressGetsItsBurstThenWaitsForTheNextToken()
    {
        var clock = new ManualClock();
        var buckets = new AddressBuckets(TenPerSecondBurstThree, maxAddresses: 100, clock);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(buckets.TryTake("192.0.2.1", out _));
        }
        Assert.False(buckets.TryTake("192.0.2.1", out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(100), retryAfter);
        Assert.True(buckets.TryTake("192.0.2.2", out _));

        clock.Now += TimeSpan.FromMilliseconds(100);
        Assert.True(buckets.TryTake("192.0.2.1", out _));
    }

    [Fact]
    public void AGivenBackTokenCanBeTakenAgain()
    {
        var buckets = new AddressBuckets(TenPerSecondBurstThree, maxAddresses: 100, new ManualClock());
        for (var i = 0; i < 3; i++)
        {
            Assert.True(buckets.TryTake("192.0.2.1", out _));
        }

        buckets.Return("192.0.2.1");

        Assert.True(buckets.TryTake("192.0.2.1", out _));
        Assert.False(buckets.TryTake("192.0.2.1", out _));
    }

    [Fact]
    public void AFloodFromManyAddressesKeepsTheTableBoundedAndStillLimited()
    {
        var clock = new ManualClock();
        var buckets = new AddressBuckets(TenPerSecondBurstThree, maxAddresses: 100, clock);
        var granted = 0;

        for (var i = 0; i < 100_000; i++)
        {
            granted += buckets.TryTake($"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", out _) ? 1 : 0;
        }

        Assert.Equal(100, buckets.Count);
        // Each remembered address had its burst; everyone else shared one bucket.
        Assert.Equal(100 + 3, granted);
    }

    [Fact]
    public void QuietAddressesAreForgottenToMakeRoomForNewOnes()
    {
        var clock = new ManualClock();
        var buckets = new AddressBuckets(TenPerSecondBurstThree, maxAddresses: 100, clock);
        for (var i = 0; i < 100; i++)
        {
            buckets.TryTake($"10.0.0.{i}", out _);
        }

        clock.Now += TimeSpan.FromSeconds(2);

        Assert.True(buckets.TryTake("10.0.1.1", out _));
        Assert.Equal(1, buckets.Count);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void AClientIsCountedByItsIpv4AddressOrItsIpv6Slash64(string remote, string counted)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        Assert.Equal(counted, ClientAddress.Of(context));
    }
}
