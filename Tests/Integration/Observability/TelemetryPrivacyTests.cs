using System.Net.Http.Headers;
using System.Security.Cryptography;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Observability;

/// <summary>
/// What the running services export (traces, logs, metrics over OTLP, as the Aspire dashboard receives
/// them) carries organization, connection and realm, never the tokens, secrets, passwords, emails or
/// names a request sent. The raw protobuf bodies are searched byte for byte.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class TelemetryPrivacyTests(ProvisioningApp app)
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NoTokenSecretPasswordEmailOrNameAnIdpOrAdminSentIsExportedWhileTheTenantIs()
    {
        var tenant = await app.CreateTenantAsync();
        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Viewer));
        var mark = Guid.NewGuid().ToString("N")[..10];
        // Values that survive URL encoding unchanged, so a filter that leaked in a query string is found too.
        var emailName = $"jane.{mark}";
        var email = $"{emailName}@acme.example";
        var givenName = $"Janegiven{mark}";
        var familyName = $"Doefamily{mark}";
        var newDisplayName = $"Janedisplay{mark}";

        using var created = await tenant.Scim.PostScimAsync("Users", $$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName": "{{email}}",
              "name": { "givenName": "{{givenName}}", "familyName": "{{familyName}}" },
              "emails": [{ "value": "{{email}}", "primary": true }],
              "active": true
            }
            """);
        var user = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);
        using (var found = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}"))
        {
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        }
        await tenant.Scim.PatchScimAsync($"Users/{user.Id()}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"{{newDisplayName}}"}]}
            """).SucceedsAsync();

        var wrongToken = "prv_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using (var refused = app.CreateScimClient(wrongToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await refused.StatusOfAsync());
        }

        var oauthClient = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        var accessToken = await app.GetAccessTokenAsync(oauthClient);
        using (var entra = app.CreateScimClient(token: null))
        {
            entra.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            Assert.Equal(HttpStatusCode.OK, await entra.StatusOfAsync());
        }

        var admin = await app.CreateAdminAsync(tenant.Organization);
        (await app.SignInAsync(admin.Email, admin.Password)).Dispose();

        // The last SCIM request's trace, tagged with this organization, then one more batch of every signal.
        var organization = tenant.Organization.Id.ToString();
        await Credentials.EventuallyAsync(() => Task.FromResult(app.Telemetry.Saw("traces", "SCIM PATCH /Users", organization)), ExportWait,
            "the Gateway's span of the PATCH, tagged with the organization");
        await Credentials.EventuallyAsync(() => Task.FromResult(app.Telemetry.Saw("logs", organization)), ExportWait,
            "a log record naming the organization (the provisioning action of the POST)");
        await Task.Delay(TimeSpan.FromSeconds(3));

        // The search can find a value that is exported: the organization is, on spans and logs alike.
        Assert.Contains("traces", app.Telemetry.WhereFound(organization));
        Assert.Contains("logs", app.Telemetry.WhereFound(organization));
        var sent = new Dictionary<string, string>
        {
            ["the SCIM bearer token"] = tenant.Token.Token,
            ["the refused bearer token"] = wrongToken,
            ["the OAuth client secret"] = oauthClient.ClientSecret,
            ["the OAuth access token"] = accessToken,
            ["the admin's password"] = admin.Password,
            ["the admin's email"] = admin.Email.Split('@')[0],
            ["the user's email and userName"] = emailName,
            ["the user's given name"] = givenName,
            ["the user's family name"] = familyName,
            ["the user's new display name"] = newDisplayName,
        };
        var leaks = sent.Select(value => (value.Key, Signals: app.Telemetry.WhereFound(value.Value)))
            .Where(found => found.Signals.Count > 0)
            .Select(found => $"{found.Key} in {string.Join(", ", found.Signals)}")
            .ToList();
        Assert.True(leaks.Count == 0, "Exported telemetry holds what a request sent: " + string.Join("; ", leaks));
    }
}
