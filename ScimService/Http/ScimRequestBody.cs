using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Http;

public static class ScimRequestBody
{
    /// <summary>Deeper than any SCIM resource can be; deeper input is an attack, not a resource.</summary>
    private const int MaxDepth = 16;

    /// <summary>Reads the body as one JSON object; anything else is a SCIM error, never a 500.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType is null ? null : Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType).MediaType.Value;
        if (mediaType is not null && mediaType != "application/scim+json" && mediaType != "application/json")
        {
            throw new ScimProtocolException(StatusCodes.Status415UnsupportedMediaType, ScimType.InvalidSyntax,
                $"Send the body as application/scim+json or application/json, not {mediaType}.");
        }
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth }, cancellationToken: cancellationToken);
            return node as JsonObject ?? throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"The request body is not valid JSON: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ScimProtocolException(StatusCodes.Status413PayloadTooLarge, null, "The request body is larger than this server accepts.");
        }
    }
}
