using System.Net.Http.Headers;
using System.Text;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>SCIM calls as IdPs make them: JSON bodies sent as application/scim+json.</summary>
public static class ScimRequests
{
    public static Task<HttpResponseMessage> SendScimAsync(this HttpClient client, HttpMethod method, string path, string? json = null, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/scim+json");
        }
        headers?.Invoke(request.Headers);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostScimAsync(this HttpClient client, string path, string json) => client.SendScimAsync(HttpMethod.Post, path, json);

    public static Task<HttpResponseMessage> PutScimAsync(this HttpClient client, string path, string json) => client.SendScimAsync(HttpMethod.Put, path, json);

    public static Task<HttpResponseMessage> PatchScimAsync(this HttpClient client, string path, string json) => client.SendScimAsync(HttpMethod.Patch, path, json);

    /// <summary>Creates a user the way Okta does and returns its representation.</summary>
    public static async Task<JsonObject> CreateUserAsync(this HttpClient client, string userName, string? extra = null)
    {
        var json = $$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName": "{{userName}}",
              "name": { "givenName": "Given", "familyName": "Family" },
              "emails": [{ "primary": true, "value": "{{userName}}", "type": "work" }],
              "displayName": "Given Family",
              "active": true{{(extra is null ? "" : "," + extra)}}
            }
            """;
        using var response = await client.PostScimAsync("Users", json);
        return await ScimAssert.SuccessAsync(response, HttpStatusCode.Created);
    }

    public static async Task<JsonObject> CreateGroupAsync(this HttpClient client, string displayName, params string[] memberIds)
    {
        var members = string.Join(",", memberIds.Select(id => $$"""{ "value": "{{id}}" }"""));
        using var response = await client.PostScimAsync("Groups", $$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
              "displayName": "{{displayName}}",
              "members": [{{members}}]
            }
            """);
        return await ScimAssert.SuccessAsync(response, HttpStatusCode.Created);
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await ScimAssert.SuccessAsync(response);
    }

    /// <summary>
    /// A GET as an IdP makes it: a 503 with Retry-After is tried again after the wait it asks for, twice at most.
    /// For reads whose subject is not their speed (a 10,000-member group) on a machine the whole suite loads.
    /// </summary>
    public static async Task<JsonObject> GetJsonAsAnIdpRetriesAsync(this HttpClient client, string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 3)
            {
                return await ScimAssert.SuccessAsync(response);
            }
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
        }
    }

    public static string Id(this JsonObject resource) => resource["id"]!.GetValue<string>();

    public static string Unique(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";
}
