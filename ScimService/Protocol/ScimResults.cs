using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Protocol;

/// <summary>A SCIM response: a JSON body in <c>application/scim+json</c>, with an optional ETag and Location.</summary>
public sealed class ScimJsonResult(int statusCode, JsonNode? body, string? etag = null, string? location = null)
    : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;
    public JsonNode? Body => body;
    public string? ETag => etag;
    public string? Location => location;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        if (statusCode is >= 400 and < 500 && body?["detail"] is { } detail)
        {
            // Why the IdP was refused, beside its trace; quoted values and emails are left out.
            httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Provisioning.ScimService.Scim")
                .LogWarning("SCIM {Method} answered {Status} {ScimType}: {Detail}", httpContext.Request.Method, statusCode,
                    body["scimType"]?.GetValue<string>() ?? "-", TelemetryRedaction.Text(detail.GetValue<string>()));
        }
        if (statusCode == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = ScimError.RetryAfterSeconds;
        }
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        if (body is null)
        {
            return;
        }
        response.ContentType = ScimError.ContentType;
        await using var writer = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Encoder = ScimError.JsonOptions.Encoder });
        body.WriteTo(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}

public static class ScimResults
{
    public static ScimJsonResult Ok(JsonNode body, string? etag = null) => new(StatusCodes.Status200OK, body, etag);

    public static ScimJsonResult Created(JsonNode body, string location, string? etag) =>
        new(StatusCodes.Status201Created, body, etag, location);

    public static ScimJsonResult Error(int status, string detail, string? scimType = null) =>
        new(status, JsonSerializer.SerializeToNode(ScimError.For(status, detail, scimType), ScimError.JsonOptions));
}
