using System.Globalization;
using System.Text.Json.Nodes;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Bulk;

public static class BulkResponseOperation
{
    /// <summary>
    /// RFC 7644 §3.7.3: method, bulkId, version and location; the error as its response on failure.
    /// <paramref name="op"/> is the operation with its bulkId references resolved as far as they went.
    /// </summary>
    public static JsonObject Create(BulkOperation op, ScimJsonResult outcome, HttpRequest request)
    {
        var status = outcome.StatusCode ?? StatusCodes.Status500InternalServerError;
        var result = new JsonObject { ["method"] = op.Method };
        if (op.BulkId is not null)
        {
            result["bulkId"] = op.BulkId;
        }
        if (outcome.ETag is not null)
        {
            result["version"] = outcome.ETag;
        }
        if ((op.Method == "POST" ? outcome.Location : Location(op, request)) is { } location)
        {
            result["location"] = location;
        }
        result["status"] = status.ToString(CultureInfo.InvariantCulture);
        if (status >= 400)
        {
            result["response"] = outcome.Body?.DeepClone();
        }
        return result;
    }

    /// <summary>
    /// The resource endpoint URL a PUT, PATCH or DELETE addressed, failed or not ("REQUIRED in a
    /// response, except in the event of a POST failure"). None while its path still holds a bulkId
    /// that never resolved, or names no resource of ours: there is no URL to give, and the error says why.
    /// </summary>
    private static string? Location(BulkOperation op, HttpRequest request) => op.Target() switch
    {
        ("users", { } id) when Guid.TryParse(id, out var user) => ResourceLocation.For(request, "/Users", user),
        ("groups", { } id) when Guid.TryParse(id, out var group) => ResourceLocation.For(request, "/Groups", group),
        _ => null,
    };
}
