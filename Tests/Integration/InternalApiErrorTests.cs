using Aspire.Hosting.Testing;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration;

/// <summary>ScimService's internal API answers ProblemDetails for requests it cannot bind, never the developer page.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class InternalApiErrorTests(ProvisioningApp app)
{
    [Fact]
    public async Task AQueryValueThatDoesNotBindIsA400ProblemNotTheDeveloperPage()
    {
        using var scim = app.App.CreateHttpClient("scimservice", "http");
        scim.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, app.Keys[InternalCaller.AdminUi]);

        using var response = await scim.GetAsync($"/internal/organizations/{Guid.NewGuid()}/employees?scimUserId=not-a-guid");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(app.Keys[InternalCaller.AdminUi], body);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }
}
