using Microsoft.Extensions.Logging.Abstractions;
using Provisioning.PolicyService.Admins;
using Provisioning.Tests.Integration.Infrastructure;
using StackExchange.Redis;

namespace Provisioning.Tests.Integration.Races;

/// <summary>The admin sign-in throttle lives in Redis, so PolicyService replicas share one count per email.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SharedSignInThrottleTests(ProvisioningApp app)
{
    [Fact]
    public async Task TwoReplicasTogetherGrantFiveChecksPerEmailNotFiveEach()
    {
        await using var redis = await app.ConnectRedisAsync();
        SignInThrottle Replica() => new(redis, new LocalSignInChecks(TimeProvider.System), TimeProvider.System, NullLogger<SignInThrottle>.Instance);
        var replicas = new[] { Replica(), Replica() };
        var email = $"shared-{Guid.NewGuid():N}@example.com";

        var granted = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => replicas[i % 2].TryReserveCheckAsync(email)));

        Assert.Equal(SignInThrottle.MaxChecks, granted.Count(g => g));
        await replicas[1].ClearAsync(email);
        Assert.True(await replicas[0].TryReserveCheckAsync(email));
    }
}
