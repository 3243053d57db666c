using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Caching;
using CredentialCache = Provisioning.Gateway.Authentication.CredentialCache;

namespace Provisioning.Tests.Unit.Gateway;

public sealed class CredentialCacheTests
{
    private static CredentialCache Cache(int entries) =>
        new(new SettingsInvalidation(), Options.Create(new GatewayOptions { CredentialCacheEntries = entries, RefusedTokenCacheLifetime = TimeSpan.FromMinutes(1) }));

    [Fact]
    public async Task AFloodOfMadeUpTokensCannotGrowTheCacheBeyondItsBound()
    {
        using var cache = Cache(100);

        for (var i = 0; i < 1_000; i++)
        {
            await cache.GetOrCheckAsync($"token:{i}", "settings", _ => Task.FromResult<CredentialCheckResult?>(null), CancellationToken.None);
        }

        Assert.InRange(cache.Count, 1, 100);
    }

    [Fact]
    public async Task ARefusedAnswerIsKeptForItsLifetimeSoTheSameTokenIsNotCheckedTwice()
    {
        using var cache = Cache(100);
        var checks = 0;

        for (var i = 0; i < 3; i++)
        {
            await cache.GetOrCheckAsync("token:same", "settings", _ => { checks++; return Task.FromResult<CredentialCheckResult?>(null); }, CancellationToken.None);
        }

        Assert.Equal(1, checks);
    }
}
