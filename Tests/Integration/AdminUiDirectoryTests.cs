using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration;

/// <summary>The directory pages over HTTP: paging and search wildcards.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminUiDirectoryTests(ProvisioningApp app)
{
    [Fact]
    public async Task TheUserListShowsTwentyFiveUsersAPageInUserNameOrder()
    {
        var (client, connection) = await SignedInWithDashboardAsync();
        for (var i = 1; i <= 27; i++)
        {
            await app.InsertUserAsync(connection.Id, $"user{i:00}@example.com");
        }

        var first = await client.GetStringAsync("/directory/dashboard");
        var second = await client.GetStringAsync("/directory/dashboard?p=2");

        Assert.Contains("Page 1 of 2", first);
        Assert.Contains("user25@example.com", first);
        Assert.DoesNotContain("user26@example.com", first);
        Assert.Contains("Page 2 of 2", second);
        Assert.Contains("user26@example.com", second);
        Assert.Contains("user27@example.com", second);
        Assert.DoesNotContain("user01@example.com", second);
    }

    [Fact]
    public async Task ASearchForAPercentSignMatchesOnlyAPercentSign()
    {
        var (client, connection) = await SignedInWithDashboardAsync();
        await app.InsertUserAsync(connection.Id, "plain@example.com");
        await app.InsertUserAsync(connection.Id, "100%real@example.com");

        var html = await client.GetStringAsync("/directory/dashboard?search=%25");

        Assert.Contains("100%real@example.com", html);
        Assert.DoesNotContain("plain@example.com", html);
    }

    private async Task<(HttpClient Client, ConnectionDto Connection)> SignedInWithDashboardAsync()
    {
        var admin = await app.CreateAdminAsync();
        var client = await app.SignInAsync(admin.Email, admin.Password);
        using (var enable = await client.PostAsync("/setup/dashboard?handler=Enable", await Admins.FormAsync(client, "/setup/dashboard", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }
        using var policy = app.CreatePolicyClient();
        var connections = await policy.GetFromJsonAsync<ConnectionDto[]>($"/internal/organizations/{admin.Organization.Id}/connections");
        return (client, connections!.Single(c => c.Realm == Realm.Dashboard));
    }
}
