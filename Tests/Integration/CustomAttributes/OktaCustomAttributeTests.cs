using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.CustomAttributeRequests;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.CustomAttributes;

/// <summary>Okta's custom attributes through the Gateway: left in the core namespace, or under a custom extension URN.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class OktaCustomAttributeTests(ProvisioningApp app)
{
    private static string OktaUser(string userName, string custom) => $$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "{{CustomExtension}}"],
          "userName": "{{userName}}",
          "name": { "givenName": "Ada", "familyName": "Lovelace" },
          "emails": [{ "primary": true, "value": "{{userName}}", "type": "work" }],
          "active": true{{custom}}
        }
        """;

    private static Task<HttpResponseMessage> SendAsOktaAsync(Tenant tenant, HttpMethod method, string path, string body) =>
        tenant.Scim.SendScimAsync(method, path, body, headers => headers.UserAgent.ParseAdd(RealmRequests.OktaUserAgent));

    [Fact]
    public async Task ACoreNamespaceAttributeIsKeptReturnedAndRemovedByAPutThatOmitsIt()
    {
        var tenant = await app.CreateTenantAsync();
        await app.DeclareAsync(tenant, Core("costCenter"));
        var userName = Unique();

        using var created = await SendAsOktaAsync(tenant, HttpMethod.Post, "Users", OktaUser(userName, """, "costCenter": "42" """));
        var user = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);
        Assert.Equal("42", user["costCenter"]!.GetValue<string>());
        Assert.Equal("42", (await tenant.Scim.GetJsonAsync($"Users/{user.Id()}"))["costCenter"]!.GetValue<string>());

        using var pushed = await SendAsOktaAsync(tenant, HttpMethod.Put, $"Users/{user.Id()}", OktaUser(userName, """, "costCenter": "77" """));
        Assert.Equal("77", (await ScimAssert.SuccessAsync(pushed))["costCenter"]!.GetValue<string>());

        using var omitted = await SendAsOktaAsync(tenant, HttpMethod.Put, $"Users/{user.Id()}", OktaUser(userName, ""));
        Assert.Null((await ScimAssert.SuccessAsync(omitted))["costCenter"]);
        Assert.Null((await tenant.Scim.GetJsonAsync($"Users/{user.Id()}"))["costCenter"]);
    }

    [Fact]
    public async Task ACustomNamespaceAttributeIsKeptUnderItsUrnAndRemovedByAPutThatOmitsIt()
    {
        var tenant = await app.CreateTenantAsync();
        await app.DeclareAsync(tenant, Extension("badgeNumber"));
        var userName = Unique();

        using var created = await SendAsOktaAsync(tenant, HttpMethod.Post, "Users",
            OktaUser(userName, $$""", "{{CustomExtension}}": { "badgeNumber": "B-17" } """));
        var user = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);
        Assert.Equal("B-17", user[CustomExtension]!["badgeNumber"]!.GetValue<string>());
        Assert.Contains(CustomExtension, user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));

        using var pushed = await SendAsOktaAsync(tenant, HttpMethod.Put, $"Users/{user.Id()}",
            OktaUser(userName, $$""", "{{CustomExtension}}": { "badgeNumber": "B-18" } """));
        Assert.Equal("B-18", (await ScimAssert.SuccessAsync(pushed))[CustomExtension]!["badgeNumber"]!.GetValue<string>());

        using var omitted = await SendAsOktaAsync(tenant, HttpMethod.Put, $"Users/{user.Id()}", OktaUser(userName, ""));
        var after = await ScimAssert.SuccessAsync(omitted);
        Assert.Null(after[CustomExtension]);
        Assert.DoesNotContain(CustomExtension, after["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task AnUndeclaredAttributeIsAcceptedNotKeptAndWarnedAboutEachTime()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique();

        using var created = await SendAsOktaAsync(tenant, HttpMethod.Post, "Users", OktaUser(userName, """, "costCenter": "42" """));
        var user = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);
        Assert.Null(user["costCenter"]);
        using var pushed = await SendAsOktaAsync(tenant, HttpMethod.Put, $"Users/{user.Id()}", OktaUser(userName, """, "costCenter": "42" """));
        await ScimAssert.SuccessAsync(pushed);

        var warnings = (await app.LogAsync(tenant, action: "AttributeNotKept")).Where(e => e.ScimUserId == Guid.Parse(user.Id())).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal("Okta sent costCenter, which is not declared for the Dashboard realm; it was not kept.", w.Description));
        Assert.All(warnings, w => Assert.Equal("Warning", w.Outcome));

        using var scim = app.CreateScimServiceClient();
        var seen = await Tenants.ReadAsync<UndeclaredAttributeSeenDto[]>(await scim.GetAsync($"/internal/organizations/{tenant.Organization.Id}/undeclared-attributes"));
        var costCenter = Assert.Single(seen);
        Assert.Equal(("costCenter", 2, "User"), (costCenter.Path, costCenter.Times, costCenter.ResourceType));
    }

    [Fact]
    public async Task AConnectionThatRefusesUndeclaredAttributesAnswersInvalidSyntaxNamingIt()
    {
        var tenant = await app.CreateTenantAsync();
        await app.DeclareAsync(tenant, UndeclaredAttributePolicy.Refuse, Core("costCenter"));

        using var refused = await SendAsOktaAsync(tenant, HttpMethod.Post, "Users",
            OktaUser(Unique(), $$""", "{{CustomExtension}}": { "badgeNumber": "B-17" } """));
        var error = await ScimAssert.ErrorAsync(refused, HttpStatusCode.BadRequest, "invalidSyntax");
        // Refused, an undeclared extension object is named by its URN (the attributes under it are all refused).
        Assert.Contains($"'{CustomExtension}'", error["detail"]!.GetValue<string>());

        // Strict means strict: a body that lists the undeclared extension is refused even with no value under it,
        // so the accepted body lists only the core schema.
        using var declared = await SendAsOktaAsync(tenant, HttpMethod.Post, "Users",
            OktaUser(Unique(), """, "costCenter": "42" """).Replace($", \"{CustomExtension}\"", "", StringComparison.Ordinal));
        await ScimAssert.SuccessAsync(declared, HttpStatusCode.Created);
    }

    [Fact]
    public async Task UndeclaredGroupAttributesAreIgnoredOrRefusedToo()
    {
        var tenant = await app.CreateTenantAsync();
        const string body = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales","region":"EMEA"}""";

        using var ignored = await tenant.Scim.PostScimAsync("Groups", body);
        var group = await ScimAssert.SuccessAsync(ignored, HttpStatusCode.Created);
        Assert.Null(group["region"]);
        Assert.Contains(await app.LogAsync(tenant, action: "AttributeNotKept"), e => e.ScimGroupId == Guid.Parse(group.Id()));

        await app.DeclareAsync(tenant, UndeclaredAttributePolicy.Refuse);
        using var refused = await tenant.Scim.PostScimAsync("Groups", body.Replace("Sales", "Sales 2"));
        Assert.Contains("'region'", (await ScimAssert.ErrorAsync(refused, HttpStatusCode.BadRequest, "invalidSyntax"))["detail"]!.GetValue<string>());

        await app.DeclareAsync(tenant, UndeclaredAttributePolicy.Refuse, new CustomAttributeDto("Group", CustomAttributeRules.CoreGroupSchema, "region", CustomAttributeType.String));
        using var kept = await tenant.Scim.PostScimAsync("Groups", body.Replace("Sales", "Sales 3"));
        Assert.Equal("EMEA", (await ScimAssert.SuccessAsync(kept, HttpStatusCode.Created))["region"]!.GetValue<string>());
    }
}
