using System.Text.Json.Nodes;
using Provisioning.ScimService.Listing;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Http;

public static class ScimResponses
{
    /// <summary>One resource, projected as the client asked, with its ETag.</summary>
    public static ScimJsonResult Resource(JsonObject resource, ResourceTypeDefinition type, Projection projection, int version, int status = StatusCodes.Status200OK) =>
        new(status, AttributeProjection.Project(resource, type, projection.Attributes, projection.ExcludedAttributes),
            Meta.ETag(version), status == StatusCodes.Status201Created ? resource["meta"]?["location"]?.GetValue<string>() : null);

    public static ScimJsonResult List<T>(ResourcePage<T> page, ListQuery query, ResourceTypeDefinition type, Func<T, JsonObject> represent)
    {
        var resources = page.Resources.Select(r =>
            (JsonNode)AttributeProjection.Project(represent(r), type, query.Projection.Attributes, query.Projection.ExcludedAttributes));
        var body = ListResponse.Create(page.TotalResults, query.StartIndex, resources);
        if (query.UsesCursor)
        {
            // RFC 9865: cursor pages have no startIndex; nextCursor is there while more remain.
            body.Remove("startIndex");
            if (page.NextCursor is not null)
            {
                body["nextCursor"] = page.NextCursor;
            }
        }
        return ScimResults.Ok(body);
    }

    public static ScimJsonResult NotFound(string resourceType, string id) =>
        ScimResults.Error(StatusCodes.Status404NotFound, $"{resourceType} '{ListQuery.Shorten(id)}' not found.");
}
