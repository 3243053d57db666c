using Provisioning.ScimService.Protocol;

namespace Provisioning.Tests.Unit;

/// <summary>JSON written with single quotes in tests, and assertions on JSON and on SCIM errors.</summary>
internal static class ScimAssert
{
    /// <summary>Parses JSON written with ' for " so that payloads in attributes stay readable.</summary>
    public static JsonObject Json(string singleQuoted) => JsonNode.Parse(singleQuoted.Replace('\'', '"'))!.AsObject();

    public static void JsonEqual(string expectedSingleQuoted, JsonNode? actual) => JsonEqual(Json(expectedSingleQuoted), actual);

    public static void JsonEqual(JsonNode expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"Expected {expected.ToJsonString()}\nActual   {actual?.ToJsonString() ?? "null"}");
        }
    }

    public static ScimProtocolException Error(string scimType, Action act)
    {
        var error = Assert.Throws<ScimProtocolException>(act);
        Assert.Equal(400, error.Status);
        Assert.True(scimType == error.ScimType, $"Expected scimType {scimType}, got {error.ScimType}: {error.Message}");
        return error;
    }

    public static ScimProtocolException Error(string scimType, string detailFragment, Action act)
    {
        var error = Error(scimType, act);
        Assert.Contains(detailFragment, error.Message);
        return error;
    }
}
