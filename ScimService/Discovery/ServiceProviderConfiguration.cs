using System.Text.Json.Nodes;
using Provisioning.ScimService.Bulk;
using Provisioning.ScimService.Protocol.Querying;

namespace Provisioning.ScimService.Discovery;

/// <summary>RFC 7643 §5 and RFC 9865 §3: exactly what this server supports, and its limits.</summary>
public static class ServiceProviderConfiguration
{
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    public static JsonObject Create(string location) => new()
    {
        ["schemas"] = new JsonArray(Schema),
        ["documentationUri"] = "https://datatracker.ietf.org/doc/html/rfc7644",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject
        {
            ["supported"] = true,
            ["maxOperations"] = BulkLimits.MaxOperations,
            ["maxPayloadSize"] = BulkLimits.MaxPayloadBytes,
        },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ListQuery.MaxCount },
        ["changePassword"] = new JsonObject { ["supported"] = true },
        ["sort"] = new JsonObject { ["supported"] = true },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["pagination"] = new JsonObject
        {
            ["cursor"] = true,
            ["index"] = true,
            ["defaultPaginationMethod"] = "index",
            ["defaultPageSize"] = ListQuery.DefaultCount,
            ["maxPageSize"] = ListQuery.MaxCount,
        },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "A static bearer token generated per connection in the admin UI, or an OAuth 2.0 access token.",
            ["specUri"] = "https://datatracker.ietf.org/doc/html/rfc6750",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject
        {
            ["resourceType"] = "ServiceProviderConfig",
            ["location"] = location,
        },
    };
}
