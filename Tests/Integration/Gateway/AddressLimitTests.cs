using System.Globalization;
using System.Net.Http.Headers;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>
/// Requests that prove nothing — no credential, a made-up one, a wrong client secret, a wrong
/// password — are limited per client address at the Gateway. Every test reaches the Gateway from
/// the same address, so each test waits for the bucket it emptied to refill before it ends; the tests that count
/// the burst also wait before they start, since other tests send such requests too (a missing or a revoked token).
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AddressLimitTests(ProvisioningApp app)
{
    private static readonly TimeSpan Refill = TimeSpan.FromSeconds(3.5);

    [Fact]
    public async Task MissingAndMadeUpTokensFromOneAddressGet429WithRetryAfterWhileAKnownTokenKeepsWorking()
    {
        var tenant = await app.CreateTenantAsync();
        using var guesser = app.CreateScimClient(null);
        await Task.Delay(Refill);
        // After the wait: the Gateway keeps an accepted token 3 s, and the burst below must find it kept.
        Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => guesser.SendAsync(i % 2 == 0 ? WithMadeUpToken() : WithoutToken())));
        var elapsed = clock.Elapsed;
        try
        {
            // The Gateway holds the tenant's token as accepted: no look-up, no bucket.
            Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync());
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, s.ToString()));
            // The burst is 30, refilled at 10 a second while the 60 were sent.
            Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 30, 31 + (int)Math.Ceiling(10 * elapsed.TotalSeconds));
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.Contains(limited, r => r.RequestMessage!.Headers.Authorization is null);
            Assert.Contains(limited, r => r.RequestMessage!.Headers.Authorization is not null);
            await ScimAssert.ErrorAsync(limited[0], HttpStatusCode.TooManyRequests);
            Assert.InRange(int.Parse(Assert.Single(limited[0].Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 5);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
            await Task.Delay(Refill);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await guesser.StatusOfAsync());
    }

    [Fact]
    public async Task RefusedTokenRequestsFromOneAddressGet429WithRetryAfter()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            app.PostTokenRequestAsync([new("grant_type", "client_credentials")], (client.ClientId, "prvs_wrong"))));
        try
        {
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.True(statuses.Count(s => s == HttpStatusCode.Unauthorized) >= 20, string.Join(",", statuses));
            var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
            Assert.Equal("slow_down", JsonNode.Parse(await limited.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
            Assert.Single(limited.Headers.GetValues("Retry-After"));
            Assert.Equal("no-store", limited.Headers.CacheControl?.ToString());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
            await Task.Delay(Refill);
        }
        // Successful token requests give their token back: a well-behaved client is never held up.
        for (var i = 0; i < 25; i++)
        {
            await app.GetAccessTokenAsync(client);
        }
    }

    [Fact]
    public async Task FailedSignInsFromOneAddressArePausedAtTheGatewayAndARightOneWorksOnceTheBucketRefills()
    {
        var admin = await app.CreateAdminAsync();
        using var browser = app.CreateBrowserLikeClient();
        var form = await Admins.FormAsync(browser, "/sign-in", new() { ["Email"] = $"nobody-{Guid.NewGuid():N}@example.com", ["Password"] = "guess" });
        var body = await form.ReadAsStringAsync();
        await Task.Delay(Refill);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            browser.PostAsync("/sign-in", new StringContent(body, new MediaTypeHeaderValue("application/x-www-form-urlencoded")))));
        try
        {
            var statuses = responses.Select(r => r.StatusCode).ToList();
            // The burst is 20; under test the bucket refills at 10 a second (in production one every 5 s).
            var shown = statuses.Count(s => s == HttpStatusCode.OK);
            Assert.True(shown >= 20 && shown <= 21 + 10 * clock.Elapsed.TotalSeconds && shown < 40, string.Join(",", statuses));
            var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            Assert.Single(limited.Headers.GetValues("Retry-After"));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
            await Task.Delay(Refill);
        }
        (await app.SignInAsync(admin.Email, admin.Password)).Dispose();
    }

    private static HttpRequestMessage WithoutToken() => new(HttpMethod.Get, "Users");

    private static HttpRequestMessage WithMadeUpToken()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerTokenFormat.Create());
        return request;
    }
}
