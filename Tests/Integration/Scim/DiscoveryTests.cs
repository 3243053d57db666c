using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Scim;

[Collection(ProvisioningAppCollection.Name)]
public sealed class DiscoveryTests(ProvisioningApp app)
{
    [Fact]
    public async Task ServiceProviderConfigSaysWhatTheServerSupports()
    {
        var tenant = await app.CreateTenantAsync();

        var config = await tenant.Scim.GetJsonAsync("ServiceProviderConfig");

        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, config["bulk"]!["maxOperations"]!.GetValue<int>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.True(config["etag"]!["supported"]!.GetValue<bool>());
        Assert.True(config["sort"]!["supported"]!.GetValue<bool>());
        Assert.True(config["pagination"]!["cursor"]!.GetValue<bool>());
        Assert.Equal("oauthbearertoken", config["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task SchemasAndResourceTypesDescribeUsersGroupsAndTheEnterpriseExtension()
    {
        var tenant = await app.CreateTenantAsync();

        var schemas = await tenant.Scim.GetJsonAsync("Schemas");
        var user = await tenant.Scim.GetJsonAsync("Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        var types = await tenant.Scim.GetJsonAsync("ResourceTypes");
        var userType = await tenant.Scim.GetJsonAsync("ResourceTypes/User");

        Assert.Equal(3, schemas["totalResults"]!.GetValue<int>());
        var userName = user["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "userName")!;
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());
        Assert.False(userName["caseExact"]!.GetValue<bool>());
        var password = user["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "password")!;
        Assert.Equal("never", password["returned"]!.GetValue<string>());
        Assert.Equal(2, types["totalResults"]!.GetValue<int>());
        Assert.Equal("/Users", userType["endpoint"]!.GetValue<string>());
        Assert.Equal("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", userType["schemaExtensions"]![0]!["schema"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ServiceProviderConfig")]
    [InlineData("Schemas")]
    [InlineData("Schemas/urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("ResourceTypes")]
    [InlineData("ResourceTypes/User")]
    public async Task AFilteredDiscoveryRequestIs403WithAScimError(string path)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync(path + "?filter=" + Uri.EscapeDataString("id eq \"x\""));

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("POST", "ServiceProviderConfig")]
    [InlineData("PUT", "Schemas/urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("DELETE", "ResourceTypes/User")]
    [InlineData("PATCH", "Users")]
    public async Task WritesToReadOnlyEndpointsAre405WithAScimError(string method, string path)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.SendScimAsync(new HttpMethod(method), path, "{}");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task MeExplainsThatItIsNotSupportedForConnections()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync("Me");

        var error = await ScimAssert.ErrorAsync(response, HttpStatusCode.NotImplemented);
        Assert.Contains("/Me", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownScimPathIs404WithAScimError()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync("Widgets");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }
}
