using System.Text.Json;
using Provisioning.Contracts;

namespace Provisioning.Gateway;

/// <summary>Errors the Gateway itself answers on SCIM routes: SCIM error JSON, never HTML.</summary>
public static class ScimErrors
{
    public static async Task WriteAsync(HttpContext context, int status, string detail, string? scimType = null)
    {
        context.Response.StatusCode = status;
        // A proxied empty response may have declared a length of 0; the error body replaces it.
        context.Response.ContentLength = null;
        context.Response.ContentType = ScimError.ContentType;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = ScimError.RetryAfterSeconds;
        }
        await JsonSerializer.SerializeAsync(context.Response.Body, ScimError.For(status, detail, scimType), ScimError.JsonOptions, context.RequestAborted);
    }
}
