using Aspire.Hosting.Testing;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>The provisioning log's internal API: filters, paging, errors and its guard.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class ProvisioningLogApiTests(ProvisioningApp app)
{
    private static async Task<ProvisioningLogPage> PageAsync(HttpClient client, string query) =>
        await RealmRequests.ReadAsync<ProvisioningLogPage>(await client.GetAsync("/internal/provisioning-log?" + query));

    [Fact]
    public async Task TheLogIsFilteredByUserActionOutcomeAndTimeAndPaged()
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var first = await tenant.Scim.CreateUserAsync(Unique("first"));
        var second = await tenant.Scim.CreateUserAsync(Unique("second"));
        await tenant.DeactivateAsOktaAsync(second).SucceedsAsync();
        using var client = app.CreateScimServiceClient();
        var connection = $"organizationId={tenant.Organization.Id}&connectionId={tenant.Connection.Id}";

        Assert.Equal(6, (await PageAsync(client, connection)).TotalResults);
        Assert.Equal(2, (await PageAsync(client, $"organizationId={tenant.Organization.Id}&action=AccountCreated")).TotalResults);
        Assert.Equal(2, (await PageAsync(client, $"{connection}&scimUserId={first.Id()}")).TotalResults);
        Assert.Equal(6, (await PageAsync(client, $"{connection}&outcome=Succeeded")).TotalResults);
        Assert.Equal(0, (await PageAsync(client, $"{connection}&outcome=Failed")).TotalResults);
        Assert.Equal(6, (await PageAsync(client, $"{connection}&from={Uri.EscapeDataString(started.ToString("O"))}")).TotalResults);
        Assert.Equal(0, (await PageAsync(client, $"{connection}&to={Uri.EscapeDataString(started.ToString("O"))}")).TotalResults);

        var page = await PageAsync(client, $"{connection}&pageSize=4&page=2");
        Assert.Equal((6, 2, 4, 2), (page.TotalResults, page.Page, page.PageSize, page.Items.Count));
        var newest = (await PageAsync(client, $"{connection}&pageSize=1")).Items[0];
        Assert.Equal("AccountRemoved", newest.Action);
    }

    [Fact]
    public async Task BadQueriesGetProblemDetails()
    {
        using var client = app.CreateScimServiceClient();

        foreach (var query in new[] { "", "connectionId=" + Guid.NewGuid(), "organizationId=" + Guid.NewGuid() + "&pageSize=1000",
            "organizationId=" + Guid.NewGuid() + "&page=2000000000", "organizationId=" + Guid.NewGuid() + "&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z" })
        {
            using var response = await client.GetAsync("/internal/provisioning-log?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AConnectionOfAnotherOrganizationShowsNothing()
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        var other = await app.CreateTenantAsync(Realm.EnterpriseStore);
        await tenant.Scim.CreateUserAsync(Unique());
        using var client = app.CreateScimServiceClient();

        var page = await PageAsync(client, $"organizationId={other.Organization.Id}&connectionId={tenant.Connection.Id}");

        Assert.Equal(0, page.TotalResults);
    }

    [Fact]
    public async Task TheInternalApiRefusesCallersWithoutTheKey()
    {
        using var client = app.App.CreateHttpClient("scimservice", "http");

        using var response = await client.GetAsync($"/internal/provisioning-log?organizationId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
