using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol;

public static class ListResponse
{
    /// <summary>The ListResponse message of RFC 7644 §3.4.2; every number an integer.</summary>
    public static JsonObject Create(int totalResults, int startIndex, IEnumerable<JsonNode> resources)
    {
        var array = new JsonArray();
        foreach (var resource in resources)
        {
            array.Add(resource);
        }
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = totalResults,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = array.Count,
            ["Resources"] = array,
        };
    }
}
