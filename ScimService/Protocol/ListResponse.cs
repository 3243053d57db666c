using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol;

public static class ListResponse
{
    /// <summary>A ListResponse of resources already built as documents (discovery, the root search), written as they are.</summary>
    public static ScimJsonResult Of(int totalResults, int startIndex, IReadOnlyList<JsonNode> resources) =>
        ScimJsonResult.Streamed(StatusCodes.Status200OK, json =>
            Write(json, totalResults, startIndex, resources.Count, () =>
            {
                foreach (var resource in resources)
                {
                    resource.WriteTo(json);
                }
            }));

    /// <summary>
    /// The ListResponse message of RFC 7644 §3.4.2, every number an integer. <paramref name="startIndex"/> is
    /// null on a cursor page (RFC 9865), which carries <paramref name="nextCursor"/> while more remain.
    /// </summary>
    public static void Write(Utf8JsonWriter json, int totalResults, int? startIndex, int itemsPerPage, Action writeResources, string? nextCursor = null)
    {
        json.WriteStartObject();
        json.WriteStartArray("schemas");
        json.WriteStringValue(ScimSchemas.ListResponse);
        json.WriteEndArray();
        json.WriteNumber("totalResults", totalResults);
        if (startIndex is { } index)
        {
            json.WriteNumber("startIndex", index);
        }
        json.WriteNumber("itemsPerPage", itemsPerPage);
        json.WriteStartArray("Resources");
        writeResources();
        json.WriteEndArray();
        if (nextCursor is not null)
        {
            json.WriteString("nextCursor", nextCursor);
        }
        json.WriteEndObject();
    }
}
