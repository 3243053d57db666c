using System.Globalization;
using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Bulk;

public static class BulkResponseOperation
{
    /// <summary>RFC 7644 §3.7.3: method, bulkId, version and location on success; the error as its response on failure.</summary>
    public static JsonObject Create(BulkOperation op, ScimJsonResult outcome)
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
        if (status < 400 && outcome.Body?["meta"]?["location"] is JsonValue location)
        {
            result["location"] = location.GetValue<string>();
        }
        else if (status < 400 && op.Method != "POST")
        {
            result["location"] = op.Path;
        }
        result["status"] = status.ToString(CultureInfo.InvariantCulture);
        if (status >= 400)
        {
            result["response"] = outcome.Body?.DeepClone();
        }
        return result;
    }
}
