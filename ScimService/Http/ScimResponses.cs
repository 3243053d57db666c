using Provisioning.ScimService.Listing;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Http;

public static class ScimResponses
{
    /// <summary>One resource, projected as the client asked, with its ETag (and its Location when created).</summary>
    public static ScimJsonResult Resource(ResourceParts resource, ResourceTypeDefinition type, Projection projection, int status = StatusCodes.Status200OK)
    {
        var writer = new ResourceWriter(type, projection);
        return ScimJsonResult.Streamed(status, json => writer.Write(json, resource),
            Meta.ETag(resource.Version), status == StatusCodes.Status201Created ? resource.Location : null);
    }

    /// <summary>A ListResponse (RFC 7644 §3.4.2): every number an integer; a cursor page (RFC 9865) has no startIndex, and nextCursor while more remain.</summary>
    public static ScimJsonResult List<T>(ResourcePage<T> page, ListQuery query, ResourceTypeDefinition type, Func<T, ResourceParts> represent)
    {
        var writer = new ResourceWriter(type, query.Projection);
        return ScimJsonResult.Streamed(StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("schemas");
            json.WriteStringValue(ScimSchemas.ListResponse);
            json.WriteEndArray();
            json.WriteNumber("totalResults", page.TotalResults);
            if (!query.UsesCursor)
            {
                json.WriteNumber("startIndex", query.StartIndex);
            }
            json.WriteNumber("itemsPerPage", page.Resources.Count);
            json.WriteStartArray("Resources");
            foreach (var resource in page.Resources)
            {
                writer.Write(json, represent(resource));
            }
            json.WriteEndArray();
            if (query.UsesCursor && page.NextCursor is not null)
            {
                json.WriteString("nextCursor", page.NextCursor);
            }
            json.WriteEndObject();
        });
    }

    public static ScimJsonResult NotFound(string resourceType, string id) =>
        ScimResults.Error(StatusCodes.Status404NotFound, $"{resourceType} '{ListQuery.Shorten(id)}' not found.");
}
