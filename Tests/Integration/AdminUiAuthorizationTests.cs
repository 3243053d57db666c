using Aspire.Hosting.Testing;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration;

/// <summary>Sign-in, sessions, antiforgery and organization boundaries of the Admin UI, over HTTP through the Gateway.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminUiAuthorizationTests(ProvisioningApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/setup/dashboard")]
    [InlineData("/directory/dashboard")]
    public async Task ASignedOutVisitorIsSentToSignIn(string path)
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameAnswer()
    {
        var admin = await app.CreateAdminAsync();
        using var policy = app.CreatePolicyClient();

        using var wrongPassword = await policy.PostAsJsonAsync("/internal/admins/sign-in", new AdminSignInRequest(admin.Email, admin.Password + "x"));
        using var unknownEmail = await policy.PostAsJsonAsync("/internal/admins/sign-in", new AdminSignInRequest("nobody-" + admin.Email, admin.Password));
        using var right = await policy.PostAsJsonAsync("/internal/admins/sign-in", new AdminSignInRequest(admin.Email.ToUpperInvariant(), admin.Password));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        var first = JsonNode.Parse(await wrongPassword.Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await unknownEmail.Content.ReadAsStringAsync())!;
        Assert.Equal(first["detail"]!.GetValue<string>(), second["detail"]!.GetValue<string>());
        Assert.Equal(first["title"]!.GetValue<string>(), second["title"]!.GetValue<string>());
        var signedIn = (await right.Content.ReadFromJsonAsync<SignedInAdminDto>())!;
        Assert.Equal(admin.Organization.Id, signedIn.OrganizationId);
    }

    [Fact]
    public async Task TheSignInFormShowsOneMessageForAWrongPassword()
    {
        var admin = await app.CreateAdminAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostAsync("/sign-in", await Admins.FormAsync(client, "/sign-in",
            new() { ["Email"] = admin.Email, ["Password"] = "not-the-password" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not correct.", await response.Content.ReadAsStringAsync());
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task AFormWithoutAnAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var admin = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/setup/dashboard?handler=Enable", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var policy = app.CreatePolicyClient();
        var connections = await policy.GetFromJsonAsync<ConnectionDto[]>($"/internal/organizations/{admin.Organization.Id}/connections");
        Assert.Empty(connections!);
    }

    [Fact]
    public async Task AnAdminCannotOpenAnotherOrganizationsUserOrGroupByChangingTheIdInTheUrl()
    {
        var victim = await app.CreateTenantAsync(Realm.Dashboard);
        var victimsUser = await app.InsertUserAsync(victim.Connection.Id, "victim-" + Guid.NewGuid().ToString("N")[..8] + "@example.com");
        var attacker = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(attacker.Email, attacker.Password);
        using (var enable = await client.PostAsync("/setup/dashboard?handler=Enable",
                   await Admins.FormAsync(client, "/setup/dashboard", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        using var user = await client.GetAsync($"/directory/dashboard/users/{victimsUser}");
        using var group = await client.GetAsync($"/directory/dashboard/groups/{Guid.CreateVersion7()}");
        using var list = await client.GetAsync("/directory/dashboard");

        Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);
        Assert.DoesNotContain("victim-", await user.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, group.StatusCode);
        Assert.DoesNotContain("victim-", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAdminCannotRevokeAnotherOrganizationsToken()
    {
        var victim = await app.CreateTenantAsync(Realm.Dashboard);
        var attacker = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(attacker.Email, attacker.Password);
        using (var enable = await client.PostAsync("/setup/dashboard?handler=Enable", await Admins.FormAsync(client, "/setup/dashboard", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        using var revoke = await client.PostAsync($"/setup/dashboard?handler=Revoke&tokenId={victim.Token.Id}",
            await Admins.FormAsync(client, "/setup/dashboard", []));

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        using var stillWorks = await victim.Scim.GetAsync("Users?startIndex=1&count=2");
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task AnAdminSeesOnlyTheirOwnOrganization()
    {
        var other = await app.CreateTenantAsync(Realm.MdmPortal);
        var admin = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        var overview = await client.GetStringAsync("/");
        var setup = await client.GetStringAsync("/setup/mdm-portal");

        Assert.Contains(admin.Organization.Name, overview);
        Assert.DoesNotContain(other.Organization.Name, overview);
        Assert.DoesNotContain(other.Token.Lookup, setup);
        Assert.Contains("Not set up yet", setup);
    }

    [Fact]
    public async Task AnExpiryNotOfferedByTheFormIsRefusedWithAMessageAndNoTokenIsMade()
    {
        var admin = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(admin.Email, admin.Password);
        using (var enable = await client.PostAsync("/setup/dashboard?handler=Enable", await Admins.FormAsync(client, "/setup/dashboard", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        using var response = await client.PostAsync("/setup/dashboard?handler=Generate",
            await Admins.FormAsync(client, "/setup/dashboard", new() { ["Expiry"] = "17" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose when the token expires from the list.", html);
        Assert.DoesNotContain("you will not see this token again", html);
        Assert.Contains("No tokens yet", html);
    }

    [Fact]
    public async Task TestingAConnectionWithoutATokenAsksForOne()
    {
        var admin = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(admin.Email, admin.Password);
        using (var enable = await client.PostAsync("/setup/dashboard?handler=Enable", await Admins.FormAsync(client, "/setup/dashboard", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        using var response = await client.PostAsync("/setup/dashboard?handler=Test",
            await Admins.FormAsync(client, "/setup/dashboard", new() { ["TestToken"] = " " }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Paste the bearer token you gave your identity provider.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var admin = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(admin.Email, admin.Password);
        using (var home = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        using var signOut = await client.PostAsync("/sign-out", await Admins.FormAsync(client, "/", []));
        using var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ScimServicesDirectoryApiRefusesACallerWithoutTheInternalKey()
    {
        var tenant = await app.CreateTenantAsync();
        using var direct = app.App.CreateHttpClient("scimservice", "http");

        using var response = await direct.GetAsync($"/internal/connections/{tenant.Connection.Id}/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheGatewayDoesNotExposeScimServicesDirectoryApi()
    {
        var tenant = await app.CreateTenantAsync();
        using var client = app.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/connections/{tenant.Connection.Id}/users");
        request.Headers.Add(InternalHeaders.ApiKey, app.Keys[InternalCaller.AdminUi]);

        using var response = await client.SendAsync(request);

        // The Gateway strips the key and routes /internal to the Admin UI, which has no such page.
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
