using System.Text.Json.Nodes;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.Tenancy;

namespace Provisioning.ScimService.Discovery;

/// <summary>/ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4): read-only, unpaged, per connection.</summary>
public static class DiscoveryApi
{
    public static void MapDiscoveryApi(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpRequest request) =>
            RefuseFilter(request) ?? ScimResults.Ok(ServiceProviderConfiguration.Create(Url(request, "/ServiceProviderConfig"))));

        // Per connection: its declared custom attributes join the core schemas or form extension schemas.
        scim.MapGet("/ResourceTypes", (HttpRequest request) => RefuseFilter(request) ?? ListResponse.Of(
            Schema(request).All.Count, 1, Schema(request).All.Select(t => (JsonNode)SchemaDocuments.ResourceType(t, Url(request, "/ResourceTypes/" + t.Name))).ToList()));
        scim.MapGet("/ResourceTypes/{name}", (string name, HttpRequest request) => RefuseFilter(request) ??
            (Schema(request).FindType(name) is { } type
                ? ScimResults.Ok(SchemaDocuments.ResourceType(type, Url(request, "/ResourceTypes/" + type.Name)))
                : ScimResponses.NotFound("ResourceType", name)));

        scim.MapGet("/Schemas", (HttpRequest request) =>
        {
            var schemas = Schema(request).AllSchemas.ToList();
            return RefuseFilter(request) ?? ListResponse.Of(
                schemas.Count, 1, schemas.Select(s => (JsonNode)SchemaDocuments.Schema(s, Url(request, "/Schemas/" + s.Id))).ToList());
        });
        scim.MapGet("/Schemas/{id}", (string id, HttpRequest request) => RefuseFilter(request) ??
            (Schema(request).FindSchema(id) is { } schema
                ? ScimResults.Ok(SchemaDocuments.Schema(schema, Url(request, "/Schemas/" + schema.Id)))
                : ScimResponses.NotFound("Schema", id)));

        // /Me needs an authenticated person; a connection's token speaks for an IdP, not for a user.
        scim.Map("/Me/{**rest}", () => ScimResults.Error(StatusCodes.Status501NotImplemented,
            "/Me is not supported: SCIM clients here authenticate as a connection, not as a user."));
    }

    /// <summary>RFC 7644 §4: discovery is not filtered, neither the lists nor a single document; a filter gets 403.</summary>
    private static ScimJsonResult? RefuseFilter(HttpRequest request) =>
        request.Query.ContainsKey("filter")
            ? ScimResults.Error(StatusCodes.Status403Forbidden, "Discovery endpoints cannot be filtered; they always answer in full.")
            : null;

    private static ConnectionSchema Schema(HttpRequest request) => request.HttpContext.ConnectionSchemaOf();

    private static string Url(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}/scim/v2{path}";
}
