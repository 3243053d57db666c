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
        if (request.ContentType is not null)
        {
            var mediaType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
            if (mediaType is not "application/scim+json" and not "application/json")
            {
                throw new ScimProtocolException(StatusCodes.Status415UnsupportedMediaType, ScimType.InvalidSyntax,
                    "Send the body as application/scim+json or application/json.");
            }
        }
        try
        {
            // A name given twice would make every later reader pick one silently; refuse it instead.
            var options = new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
            var node = await JsonNode.ParseAsync(request.Body, documentOptions: options, cancellationToken: cancellationToken);
            var body = node as JsonObject ?? throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, "The request body must be a JSON object.");
            StorableText.Require(body);
            return body;
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
