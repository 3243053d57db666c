using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Races;

/// <summary>
/// The credential limits hold when admins (or scripts) create at the same moment: PostgreSQL
/// enforces them, and a create that loses says so as ProblemDetails.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class CredentialLimitRaceTests(ProvisioningApp app)
{
    [Fact]
    public async Task TenConcurrentTokenCreatesLeaveExactlyTwoLiveTokens()
    {
        var tenant = await app.CreateTenantAsync();
        using var policy = app.CreatePolicyClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            policy.PostAsJsonAsync($"/internal/connections/{tenant.Connection.Id}/tokens", new CreateTokenRequest(ExpiresAt: null))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Revoke one", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        }
        Assert.Equal(2, await LiveTokensAsync(tenant.Connection.Id));

        // A revoked token gives its slot back at once.
        await app.RevokeTokenAsync(tenant.Connection.Id, tenant.Token.Id);
        await app.CreateTokenAsync(tenant.Connection.Id);
        Assert.Equal(2, await LiveTokensAsync(tenant.Connection.Id));
    }

    [Fact]
    public async Task AnExpiredTokenGivesItsSlotUpToTheNextOne()
    {
        var tenant = await app.CreateTenantAsync();
        var expiring = await app.CreateTokenAsync(tenant.Connection.Id, DateTimeOffset.UtcNow.AddSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var created = await app.CreateTokenAsync(tenant.Connection.Id);

        Assert.NotEqual(expiring.Id, created.Id);
        Assert.Equal(2, await LiveTokensAsync(tenant.Connection.Id));
    }

    [Fact]
    public async Task TenConcurrentOAuthClientCreatesLeaveExactlyOneLiveClient()
    {
        var tenant = await app.CreateTenantAsync();
        using var policy = app.CreatePolicyClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            policy.PostAsync($"/internal/connections/{tenant.Connection.Id}/oauth-client", null)));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(1, await app.CountAsync(
            "SELECT count(*) FROM oauth_clients WHERE connection_id = @c AND revoked_at IS NULL", ("c", tenant.Connection.Id)));
    }

    private Task<long> LiveTokensAsync(Guid connectionId) => app.CountAsync(
        "SELECT count(*) FROM bearer_tokens WHERE connection_id = @c AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())",
        ("c", connectionId));
}
