using System.Buffers.Text;
using System.Text;
using Aspire.Hosting.Testing;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>ScimService answers only contexts the Gateway signed: a direct call with anything else is refused.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SignedContextTests(ProvisioningApp app)
{
    [Fact]
    public async Task ADirectCallWithoutAContextIsRefused() =>
        await ScimAssert.ErrorAsync(await SendDirectAsync(null), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task ADirectCallWithAnUnsignedContextIsRefused()
    {
        var tenant = await app.CreateTenantAsync();
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"organizationId":"{{tenant.Organization.Id}}","connectionId":"{{tenant.Connection.Id}}","realm":"Dashboard","credentialId":"{{tenant.Token.Id}}","identityProvider":"other","expiresAt":"{{DateTimeOffset.UtcNow.AddMinutes(1):O}}"}"""));

        await ScimAssert.ErrorAsync(await SendDirectAsync(payload), HttpStatusCode.Unauthorized);
        await ScimAssert.ErrorAsync(await SendDirectAsync(payload + "."), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ADirectCallWithATamperedContextIsRefused()
    {
        var mine = await app.CreateTenantAsync();
        var theirs = await app.CreateTenantAsync();
        var signer = new TenantContextSigner(app.ContextSigningKey);
        var signedForMe = signer.Sign(Context(mine, DateTimeOffset.UtcNow.AddMinutes(1)));
        var signedForThem = signer.Sign(Context(theirs, DateTimeOffset.UtcNow.AddMinutes(1)));
        // Their payload under my signature.
        var tampered = signedForThem[..signedForThem.IndexOf('.')] + signedForMe[signedForMe.IndexOf('.')..];

        await ScimAssert.ErrorAsync(await SendDirectAsync(tampered), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ADirectCallWithAnExpiredContextIsRefused()
    {
        var tenant = await app.CreateTenantAsync();
        var expired = new TenantContextSigner(app.ContextSigningKey).Sign(Context(tenant, DateTimeOffset.UtcNow.AddSeconds(-1)));

        await ScimAssert.ErrorAsync(await SendDirectAsync(expired), HttpStatusCode.Unauthorized);
    }

    private static TenantContext Context(Tenant tenant, DateTimeOffset expiresAt) =>
        new(tenant.Organization.Id, tenant.Connection.Id, tenant.Connection.Realm, tenant.Token.Id, "other", expiresAt);

    private async Task<HttpResponseMessage> SendDirectAsync(string? context)
    {
        using var direct = app.App.CreateHttpClient("scimservice", "http");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users");
        if (context is not null)
        {
            request.Headers.TryAddWithoutValidation(InternalHeaders.Context, context);
        }
        return await direct.SendAsync(request);
    }
}
