using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Races;

/// <summary>When the signing key falls due, the token requests that notice it together make one new key between them.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SigningKeyRotationRaceTests(ProvisioningApp app)
{
    [Fact]
    public async Task TwentyTokenRequestsAfterTheRotationDateRotateOnce()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        // A fresh key, so PolicyService reads the ring again on the next request; then make it 31 days old.
        (await policy.PostAsync("/internal/oauth/signing-keys/rotate", null)).EnsureSuccessStatusCode();
        await app.ExecuteAsync("UPDATE signing_keys SET created_at = created_at - interval '31 days' WHERE retired_at IS NULL");
        var before = await app.CountAsync("SELECT count(*) FROM signing_keys");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.GetAccessTokenAsync(client)));
        await app.GetAccessTokenAsync(client);

        Assert.Equal(before + 1, await app.CountAsync("SELECT count(*) FROM signing_keys"));
        Assert.Equal(1, await app.CountAsync("SELECT count(*) FROM signing_keys WHERE retired_at IS NULL"));
    }
}
