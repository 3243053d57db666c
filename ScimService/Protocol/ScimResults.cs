using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Protocol;

/// <summary>
/// A SCIM response: a JSON body in <c>application/scim+json</c>, with an optional ETag and Location. The body
/// is a document (errors, messages) or written straight to the response (resources and lists, see
/// <see cref="Resources.ResourceWriter"/>); <see cref="Body"/> reads a written one back for Bulk and the root search.
/// </summary>
public sealed class ScimJsonResult : IResult, IStatusCodeHttpResult
{
    private readonly int _statusCode;
    private readonly Action<Utf8JsonWriter>? _write;
    private JsonNode? _body;

    public ScimJsonResult(int statusCode, JsonNode? body, string? etag = null, string? location = null)
    {
        _statusCode = statusCode;
        _body = body;
        ETag = etag;
        Location = location;
    }

    private ScimJsonResult(int statusCode, Action<Utf8JsonWriter> write, string? etag, string? location)
        : this(statusCode, (JsonNode?)null, etag, location)
    {
        _write = write;
    }

    /// <summary>A body written straight to the response by <paramref name="write"/>, with no document built first.</summary>
    public static ScimJsonResult Streamed(int statusCode, Action<Utf8JsonWriter> write, string? etag = null, string? location = null) =>
        new(statusCode, write, etag, location);

    public int? StatusCode => _statusCode;
    public JsonNode? Body => _body ??= _write is null ? null : JsonNode.Parse(Serialized(_write));
    public string? ETag { get; }
    public string? Location { get; }

    private static byte[] Serialized(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = _statusCode;
        if (_statusCode is >= 400 and < 500 && _body?["detail"] is { } detail)
        {
            // Why the IdP was refused, beside its trace; quoted values and emails are left out.
            httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Provisioning.ScimService.Scim")
                .LogWarning("SCIM {Method} answered {Status} {ScimType}: {Detail}", httpContext.Request.Method, _statusCode,
                    _body["scimType"]?.GetValue<string>() ?? "-", TelemetryRedaction.Text(detail.GetValue<string>()));
        }
        if (_statusCode == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = ScimError.RetryAfterSeconds;
        }
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        if (_body is null && _write is null)
        {
            return;
        }
        response.ContentType = ScimError.ContentType;
        // Into the response's own pipe: a writer over the body stream would buffer the whole body in a copy first.
        await using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = ScimError.JsonOptions.Encoder });
        if (_body is not null)
        {
            _body.WriteTo(writer);
        }
        else
        {
            _write!(writer);
        }
        await writer.FlushAsync(httpContext.RequestAborted);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
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
