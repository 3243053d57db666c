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
        var signedForMe = signer.Sign(Context(mine, DateTimeOffset.UtcNow.AddSeconds(10)), "GET", UsersPath);
        var signedForThem = signer.Sign(Context(theirs, DateTimeOffset.UtcNow.AddSeconds(10)), "GET", UsersPath);
        // Their payload under my signature.
        var tampered = signedForThem[..signedForThem.IndexOf('.')] + signedForMe[signedForMe.IndexOf('.')..];

        await ScimAssert.ErrorAsync(await SendDirectAsync(tampered), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ADirectCallWithAnExpiredContextIsRefused()
    {
        var tenant = await app.CreateTenantAsync();
        var expired = new TenantContextSigner(app.ContextSigningKey).Sign(Context(tenant, DateTimeOffset.UtcNow.AddSeconds(-1)), "GET", UsersPath);

        await ScimAssert.ErrorAsync(await SendDirectAsync(expired), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AContextSignedForOneRequestOpensNoOtherMethodOrPath()
    {
        var tenant = await app.CreateTenantAsync();
        var signed = new TenantContextSigner(app.ContextSigningKey).Sign(Context(tenant, DateTimeOffset.UtcNow.AddSeconds(10)), "GET", UsersPath);

        await ScimAssert.SuccessAsync(await SendDirectAsync(signed));
        await ScimAssert.ErrorAsync(await SendDirectAsync(signed, path: "/scim/v2/Groups"), HttpStatusCode.Unauthorized);
        await ScimAssert.ErrorAsync(await SendDirectAsync(signed, HttpMethod.Delete, UsersPath + "/" + Guid.NewGuid()), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheGatewaySignsContextsThatLiveSecondsAndNameTheRequest()
    {
        var tenant = await app.CreateTenantAsync();
        using var created = await tenant.Scim.PostAsJsonAsync("Users", new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = "bound@example.com" });
        var id = (await ScimAssert.SuccessAsync(created, HttpStatusCode.Created))["id"]!.GetValue<string>();

        // Every verb on every path goes through: the Gateway signs each request for itself.
        await ScimAssert.SuccessAsync(await tenant.Scim.GetAsync($"Users/{id}"));
        using var deleted = await tenant.Scim.DeleteAsync($"Users/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private const string UsersPath = "/scim/v2/Users";

    private static TenantContext Context(Tenant tenant, DateTimeOffset expiresAt) =>
        new(tenant.Organization.Id, tenant.Connection.Id, tenant.Connection.Realm, tenant.Token.Id, "other", expiresAt);

    private async Task<HttpResponseMessage> SendDirectAsync(string? context, HttpMethod? method = null, string path = UsersPath)
    {
        using var direct = app.App.CreateHttpClient("scimservice", "http");
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (context is not null)
        {
            request.Headers.TryAddWithoutValidation(InternalHeaders.Context, context);
        }
        return await direct.SendAsync(request);
    }
}
