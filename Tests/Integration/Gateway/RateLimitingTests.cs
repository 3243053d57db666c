using System.Globalization;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>Each credential has its own token bucket; a tenant over its limit gets 429 and nobody else notices.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class RateLimitingTests(ProvisioningApp app)
{
    [Fact]
    public async Task ATokenOverItsConnectionsLimitGets429WithRetryAfterWhileAnotherTenantIsUnaffected()
    {
        var noisy = await app.CreateTenantAsync();
        var quiet = await app.CreateTenantAsync();
        var connection = await app.SetRateLimitAsync(noisy.Connection.Id, new ConnectionRateLimit(RequestsPerSecond: 1, Burst: 2));
        Assert.Equal(new ConnectionRateLimit(1, 2), connection.RateLimit);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await noisy.Scim.GetAsync("Users");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            await ScimAssert.ErrorAsync(limited, HttpStatusCode.TooManyRequests);
            var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
            Assert.InRange(int.Parse(retryAfter, CultureInfo.InvariantCulture), 1, 5);
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await quiet.Scim.StatusOfAsync());
        }
    }

    [Fact]
    public async Task TheDefaultLimitLetsATenantSendTwentyFiveRequestsAtOnce()
    {
        var tenant = await app.CreateTenantAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => tenant.Scim.StatusOfAsync()));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
