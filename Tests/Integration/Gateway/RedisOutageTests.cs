using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>Redis is a cache: with it stopped, credentials are read from PostgreSQL and SCIM calls go on.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class RedisOutageTests(ProvisioningApp app)
{
    [Fact]
    public async Task WithRedisStoppedNewAndExistingCredentialsStillOpenTheScimApi()
    {
        var before = await app.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await before.Scim.StatusOfAsync());
        var redis = RedisResourceName();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var stopped = await app.App.ResourceCommands.ExecuteCommandAsync(redis, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            // Past the Gateway's memory cache, so PolicyService must read the credential again.
            await Task.Delay(TimeSpan.FromSeconds(3.5));
            Assert.Equal(HttpStatusCode.OK, await before.Scim.StatusOfAsync());

            var during = await app.CreateTenantAsync();
            await ScimAssert.SuccessAsync(await during.Scim.GetAsync("Users?startIndex=1&count=2"));
            var client = await app.CreateOAuthClientAsync(during.Connection.Id);
            using var oauth = app.CreateScimClient(await app.GetAccessTokenAsync(client));
            Assert.Equal(HttpStatusCode.OK, await oauth.StatusOfAsync());

            // A revocation while Redis is away is still felt within the bound.
            await app.RevokeTokenAsync(during.Connection.Id, during.Token.Id);
            await Credentials.EventuallyAsync(async () => await during.Scim.StatusOfAsync() == HttpStatusCode.Unauthorized,
                TimeSpan.FromSeconds(5), "the token revoked during the outage refused");
        }
        finally
        {
            var started = await app.App.ResourceCommands.ExecuteCommandAsync(redis, KnownResourceCommands.StartCommand, timeout.Token);
            Assert.True(started.Success, started.Message);
            await app.App.ResourceNotifications.WaitForResourceHealthyAsync(redis, timeout.Token);
        }

        var after = await app.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await after.Scim.StatusOfAsync());
    }

    /// <summary>The local server process in local mode, the container in container mode.</summary>
    private string RedisResourceName()
    {
        var names = app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(r => r.Name).ToHashSet();
        return names.Contains("redis-server") ? "redis-server" : "redis";
    }
}
