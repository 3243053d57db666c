using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.CustomAttributeRequests;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.CustomAttributes;

/// <summary>Entra's custom extension attributes through the Gateway, and what declared attributes can do.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class EntraCustomAttributeTests(ProvisioningApp app)
{
    private const string CostCenterPath = CustomExtension + ":costCenter";

    private static Task<HttpResponseMessage> SendAsEntraAsync(Tenant tenant, HttpMethod method, string path, string body) =>
        tenant.Scim.SendScimAsync(method, path, body, headers => headers.Add("Adscimversion", "2.0"));

    private static async Task<JsonObject> PatchAsync(Tenant tenant, JsonObject user, string operations)
    {
        using var response = await SendAsEntraAsync(tenant, HttpMethod.Patch, $"Users/{user.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""");
        return await ScimAssert.SuccessAsync(response);
    }

    private async Task<Tenant> TenantAsync(params CustomAttributeDto[] declarations)
    {
        var tenant = await app.CreateTenantAsync();
        await app.DeclareAsync(tenant, declarations);
        return tenant;
    }

    [Fact]
    public async Task AnExtensionAttributeOnCreateIsKept()
    {
        var tenant = await TenantAsync(Extension("costCenter"));
        using var created = await SendAsEntraAsync(tenant, HttpMethod.Post, "Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{CustomExtension}}"],
             "externalId":"e-1","userName":"{{Unique()}}","active":true,
             "{{CustomExtension}}":{"costCenter":"CC-1"} }
            """);
        var user = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);
        Assert.Equal("CC-1", user[CustomExtension]!["costCenter"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchAddAndReplaceOnTheFullPathSetTheAttribute()
    {
        var tenant = await TenantAsync(Extension("costCenter"));
        var user = await tenant.Scim.CreateUserAsync(Unique());

        var added = await PatchAsync(tenant, user, $$"""[{"op":"Add","path":"{{CostCenterPath}}","value":"CC-1"}]""");
        Assert.Equal("CC-1", added[CustomExtension]!["costCenter"]!.GetValue<string>());

        var replaced = await PatchAsync(tenant, user, $$"""[{"op":"Replace","path":"{{CostCenterPath}}","value":"CC-2"}]""");
        Assert.Equal("CC-2", replaced[CustomExtension]!["costCenter"]!.GetValue<string>());

        var removed = await PatchAsync(tenant, user, $$"""[{"op":"Remove","path":"{{CostCenterPath}}"}]""");
        Assert.Null(removed[CustomExtension]);
    }

    [Fact]
    public async Task APatchWithAValueObjectKeyedByTheUrnSetsTheAttribute()
    {
        var tenant = await TenantAsync(Extension("costCenter"), Core("badge"));
        var user = await tenant.Scim.CreateUserAsync(Unique());

        var patched = await PatchAsync(tenant, user, $$"""
            [{"op":"Replace","value":{"{{CustomExtension}}":{"costCenter":"CC-9"},"{{CustomExtension}}:costCenter":"CC-10","badge":"B-1"} }]
            """);

        Assert.Equal("CC-10", patched[CustomExtension]!["costCenter"]!.GetValue<string>());
        Assert.Equal("B-1", patched["badge"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUndeclaredExtensionPathIsIgnoredAndLoggedNotRefused()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(Unique());

        var patched = await PatchAsync(tenant, user, $$"""[{"op":"Add","path":"{{CostCenterPath}}","value":"CC-1"},{"op":"Replace","path":"displayName","value":"Renamed"}]""");

        Assert.Null(patched[CustomExtension]);
        Assert.Equal("Renamed", patched["displayName"]!.GetValue<string>());
        var warning = Assert.Single(await app.LogAsync(tenant, action: "AttributeNotKept"));
        Assert.Equal($"Entra sent {CostCenterPath}, which is not declared for the Dashboard realm; it was not kept.", warning.Description);
    }

    [Fact]
    public async Task AMultiValuedAttributeKeepsItsValuesAndIsFilteredByAnyOfThem()
    {
        var tenant = await TenantAsync(Core("skills", multiValued: true));
        var user = await tenant.Scim.CreateUserAsync(Unique(), """ "skills": ["Rust", "Go"] """);
        await tenant.Scim.CreateUserAsync(Unique(), """ "skills": "Python" """);

        Assert.Equal(["Rust", "Go"], user["skills"]!.AsArray().Select(s => s!.GetValue<string>()));
        var found = await tenant.Scim.GetJsonAsync("Users?filter=" + Uri.EscapeDataString("skills eq \"go\""));
        Assert.Equal(user.Id(), Assert.Single(found["Resources"]!.AsArray())!.AsObject().Id());
    }

    [Fact]
    public async Task AFilterAndASortOnADeclaredAttributeRunInTheDatabase()
    {
        var tenant = await TenantAsync(Extension("costCenter"), Core("level", CustomAttributeType.Integer));
        var a = await tenant.Scim.CreateUserAsync(Unique(), $$""" "level": 3, "{{CustomExtension}}": {"costCenter": "CC-42"} """);
        var b = await tenant.Scim.CreateUserAsync(Unique(), $$""" "level": 1, "{{CustomExtension}}": {"costCenter": "CC-43"} """);

        var byUrn = await tenant.Scim.GetJsonAsync("Users?filter=" + Uri.EscapeDataString($"{CostCenterPath} eq \"cc-42\""));
        Assert.Equal(a.Id(), Assert.Single(byUrn["Resources"]!.AsArray())!.AsObject().Id());
        // Unqualified, costCenter would be the enterprise extension's: the core schema, then enterprise, then custom extensions.
        var byName = await tenant.Scim.GetJsonAsync("Users?filter=" + Uri.EscapeDataString("level lt 2"));
        Assert.Equal(b.Id(), Assert.Single(byName["Resources"]!.AsArray())!.AsObject().Id());

        var sorted = await tenant.Scim.GetJsonAsync("Users?sortBy=level&attributes=level");
        Assert.Equal([b.Id(), a.Id()], sorted["Resources"]!.AsArray().Select(r => r!.AsObject().Id()));
        Assert.Null(sorted["Resources"]![0]![CustomExtension]);
        var excluded = await tenant.Scim.GetJsonAsync($"Users/{a.Id()}?excludedAttributes=level");
        Assert.Null(excluded["level"]);
        Assert.NotNull(excluded[CustomExtension]);
    }

    [Fact]
    public async Task ATypeMismatchOnADeclaredAttributeIsRefusedNamingIt()
    {
        var tenant = await TenantAsync(Core("level", CustomAttributeType.Integer));

        using var response = await tenant.Scim.PostScimAsync("Users", $$"""{"userName":"{{Unique()}}","level":"high"}""");

        var error = await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("'level' must be an integer", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task DiscoveryListsTheConnectionsDeclarationsAndNoOtherConnectionsOnes()
    {
        var tenant = await TenantAsync(Extension("costCenter"), Core("badge", CustomAttributeType.Boolean));
        var other = await app.CreateTenantAsync();

        var userType = await tenant.Scim.GetJsonAsync("ResourceTypes/User");
        Assert.Contains(userType["schemaExtensions"]!.AsArray(), e => e!["schema"]!.GetValue<string>() == CustomExtension);
        var extension = await tenant.Scim.GetJsonAsync("Schemas/" + CustomExtension);
        Assert.Equal("costCenter", Assert.Single(extension["attributes"]!.AsArray())!["name"]!.GetValue<string>());
        var core = await tenant.Scim.GetJsonAsync("Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        Assert.Equal("boolean", core["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "badge")!["type"]!.GetValue<string>());

        using var missing = await other.Scim.GetAsync("Schemas/" + CustomExtension);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
