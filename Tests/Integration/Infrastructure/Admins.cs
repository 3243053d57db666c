using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Provisioning.Contracts;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>An organization of a test's own, with an admin who can sign in to the Admin UI.</summary>
public sealed record TestAdmin(OrganizationDto Organization, string Email, string Password);

public static partial class Admins
{
    public static async Task<TestAdmin> CreateAdminAsync(this ProvisioningApp app, OrganizationDto? organization = null)
    {
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        if (organization is null)
        {
            var slug = "org-" + Guid.NewGuid().ToString("N")[..12];
            using var created = await policy.PostAsJsonAsync("/internal/organizations", new CreateOrganizationRequest(slug, "Test " + slug));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            organization = (await created.Content.ReadFromJsonAsync<OrganizationDto>())!;
        }
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        var password = "pw-" + Guid.NewGuid().ToString("N");
        using var response = await policy.PostAsJsonAsync($"/internal/organizations/{organization.Id}/admins", new CreateAdminRequest(email, password));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new TestAdmin(organization, email, password);
    }

    /// <summary>A cookie-keeping client for the Admin UI through the Gateway, redirects not followed.</summary>
    public static HttpClient CreateBrowserLikeClient(this ProvisioningApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.GatewayUrl };

    /// <summary>Signs in through the sign-in form, as a browser would.</summary>
    public static async Task<HttpClient> SignInAsync(this ProvisioningApp app, string email, string password)
    {
        var client = app.CreateBrowserLikeClient();
        using var response = await client.PostAsync("/sign-in", await FormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = password }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A form post body with the antiforgery token of the form on <paramref name="pagePath"/>.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string pagePath, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(pagePath);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
