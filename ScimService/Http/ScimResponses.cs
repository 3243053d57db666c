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

    /// <summary>A page of resources as a ListResponse, each written from its stored JSON.</summary>
    public static ScimJsonResult List<T>(ResourcePage<T> page, ListQuery query, ResourceTypeDefinition type, Func<T, ResourceParts> represent)
    {
        var writer = new ResourceWriter(type, query.Projection);
        return ScimJsonResult.Streamed(StatusCodes.Status200OK, json =>
            ListResponse.Write(json, page.TotalResults, query.UsesCursor ? null : query.StartIndex, page.Resources.Count, () =>
            {
                foreach (var resource in page.Resources)
                {
                    writer.Write(json, represent(resource));
                }
            }, query.UsesCursor ? page.NextCursor : null));
    }

    public static ScimJsonResult NotFound(string resourceType, string id) =>
        ScimResults.Error(StatusCodes.Status404NotFound, $"{resourceType} '{ListQuery.Shorten(id)}' not found.");
}
