using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Replicas;

/// <summary>
/// Two replicas of the Gateway, ScimService, PolicyService and the Admin UI, as on Kubernetes:
/// whatever replica a request lands on, the answer is the same, and what replicas share
/// (the Admin UI's key ring, rate-limit buckets, revocations) is shared.
/// </summary>
[Collection(ReplicatedAppCollection.Name)]
public sealed class ReplicatedSystemTests(ReplicatedProvisioningApp app)
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    [Fact]
    public async Task OktasSequencePassesWithEachStepOnAnotherGatewayReplica()
    {
        var tenant = await app.CreateTenantAsync();
        var gateways = await ScimClientPerGatewayReplicaAsync(tenant.Token.Token);
        HttpClient Next(int step) => gateways[step % gateways.Count];
        var userName = ScimRequests.Unique();

        var test = await Next(0).GetJsonAsync("Users?startIndex=1&count=2");
        Assert.Equal(0, test["totalResults"]!.GetValue<int>());
        var lookup = await Next(1).GetJsonAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}");
        Assert.Equal(0, lookup["totalResults"]!.GetValue<int>());
        var created = await Next(2).CreateUserAsync(userName);
        var id = created.Id();

        var read = await Next(3).GetJsonAsync($"Users/{id}");
        read["name"]!["givenName"] = "Renamed";
        using (var put = await Next(4).PutScimAsync($"Users/{id}", read.ToJsonString()))
        {
            Assert.Equal("Renamed", (await ScimAssert.SuccessAsync(put))["name"]!["givenName"]!.GetValue<string>());
        }
        using (var deactivate = await Next(5).PatchScimAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}
            """))
        {
            Assert.False((await ScimAssert.SuccessAsync(deactivate))["active"]!.GetValue<bool>());
        }
        Assert.False((await Next(6).GetJsonAsync($"Users/{id}"))["active"]!.GetValue<bool>());

        var member = await Next(7).CreateUserAsync(ScimRequests.Unique());
        var group = await Next(8).CreateGroupAsync("Engineering " + Guid.NewGuid().ToString("N")[..6]);
        using (var add = await Next(9).PatchScimAsync($"Groups/{group.Id()}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{member.Id()}}"}]}]}
            """))
        {
            Assert.True(add.IsSuccessStatusCode, await add.Content.ReadAsStringAsync());
        }
        var pushed = await Next(10).GetJsonAsync($"Groups/{group.Id()}");
        Assert.Equal(member.Id(), Assert.Single(pushed["members"]!.AsArray())!["value"]!.GetValue<string>());
        using (var remove = await Next(11).PatchScimAsync($"Groups/{group.Id()}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{member.Id()}}\"]"}]}
            """))
        {
            Assert.True(remove.IsSuccessStatusCode, await remove.Content.ReadAsStringAsync());
        }
        using (var delete = await Next(12).DeleteAsync($"Groups/{group.Id()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        Assert.Equal(UserSchema, (await Next(13).GetJsonAsync($"Users/{member.Id()}"))["schemas"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAdminSignedInOnOneAdminUiReplicaStaysSignedInOnTheOther()
    {
        var admin = await app.CreateAdminAsync();
        var replicas = await app.ReplicaUrlsAsync("adminui");
        var cookies = new CookieContainer();
        using var first = BrowserOn(replicas[0], cookies);
        using var second = BrowserOn(replicas[1], cookies);

        // The form and its antiforgery token come from one replica and are posted to the other.
        using var signIn = await second.PostAsync("/sign-in", await Admins.FormAsync(first, "/sign-in",
            new() { ["Email"] = admin.Email, ["Password"] = admin.Password }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)signIn.StatusCode}");

        foreach (var replica in new[] { first, second, first })
        {
            using var overview = await replica.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
            Assert.Contains(admin.Organization.Name, await overview.Content.ReadAsStringAsync());
        }
        // A form rendered by the second replica is accepted by the first, with the session the second issued.
        using var signOut = await first.PostAsync("/sign-out", await Admins.FormAsync(second, "/", []));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var afterwards = await second.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [Fact]
    public async Task ATokenRevokedThroughOnePolicyServiceReplicaIsRefusedByEveryGatewayReplicaWithinFiveSeconds()
    {
        var tenant = await app.CreateTenantAsync();
        var gateways = await ScimClientPerGatewayReplicaAsync(tenant.Token.Token);
        foreach (var gateway in gateways)
        {
            // Each replica now holds the accepted token in its memory cache.
            Assert.Equal(HttpStatusCode.OK, await gateway.StatusOfAsync());
        }

        await app.RevokeTokenAsync(tenant.Connection.Id, tenant.Token.Id);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(gateways.Select(gateway => Credentials.EventuallyAsync(
            async () => await gateway.StatusOfAsync() == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5) - clock.Elapsed, $"the revoked token refused by {gateway.BaseAddress}")));
    }

    [Fact]
    public async Task ACredentialsRateLimitHoldsAcrossGatewayReplicas()
    {
        const int burst = 4;
        var tenant = await app.CreateTenantAsync();
        await app.SetRateLimitAsync(tenant.Connection.Id, new ConnectionRateLimit(RequestsPerSecond: 1, Burst: burst));
        var gateways = await ScimClientPerGatewayReplicaAsync(tenant.Token.Token);

        // Twice the burst to each replica at once: replica-local buckets would let 2 × burst through.
        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4 * burst).Select(i => gateways[i % gateways.Count].GetAsync("Users")));
        var elapsed = clock.Elapsed;

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(accepted, 1, burst + (int)Math.Ceiling(elapsed.TotalSeconds));
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await ScimAssert.ErrorAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 5);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private async Task<List<HttpClient>> ScimClientPerGatewayReplicaAsync(string token) =>
        (await app.ReplicaUrlsAsync("gateway")).Select(url =>
        {
            var client = new HttpClient { BaseAddress = new Uri(url, "/scim/v2/") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).ToList();

    private static HttpClient BrowserOn(Uri replica, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = replica };
}
