using Provisioning.Simulator.Scim;

namespace Provisioning.Simulator.Checks;

/// <summary>
/// How an IdP judges one response: null when it accepts it, else why it would not. Checks compose,
/// and the first reason wins, as in the IdPs' own logs.
/// </summary>
public delegate string? Check(ScimResponse response);

public static class Checks
{
    public static Check All(params Check[] checks) => response =>
    {
        foreach (var check in checks)
        {
            if (check(response) is { } reason)
            {
                return reason;
            }
        }
        return null;
    };

    public static Check Status(params int[] accepted) => response =>
        accepted.Contains(response.Status) ? null : $"expected {string.Join(" or ", accepted)}, got {response.Status}";

    /// <summary>Both IdPs read a body only when it is JSON (application/scim+json or application/json).</summary>
    public static Check JsonBody => response =>
        response.Object is null ? $"expected a JSON object, got '{Excerpt(response.Text)}'"
        : response.ContentType is not ("application/scim+json" or "application/json") ? $"Content-Type is {response.ContentType ?? "missing"}"
        : null;

    public static Check Equal(string path, string? expected, bool ignoreCase = false) => response =>
    {
        var actual = JsonPaths.String(response.Body, path);
        return string.Equals(actual, expected, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            ? null
            : $"{path} is {Show(actual)}, expected {Show(expected)}";
    };

    public static Check NotEmpty(string path) => response =>
        JsonPaths.Find(response.Body, path) is { } node && node.ToJsonString() is not ("\"\"" or "null" or "[]" or "{}")
            ? null
            : $"{path} is missing or empty";

    public static Check Absent(string path) => response =>
        JsonPaths.Find(response.Body, path) is null ? null : $"{path} was returned but the request excluded it";

    /// <summary>Okta: "itemsPerPage, startIndex and totalResults need to be exchanged as integers, not as strings".</summary>
    public static Check Integer(string path) => response =>
        JsonPaths.Integer(response.Body, path) is null ? $"{path} is not an integer ({Show(JsonPaths.Find(response.Body, path)?.ToJsonString())})" : null;

    public static Check IntegerEquals(string path, long expected) => response =>
        JsonPaths.Integer(response.Body, path) is { } actual && actual == expected ? null
        : $"{path} is {Show(JsonPaths.Find(response.Body, path)?.ToJsonString())}, expected {expected}";

    public static Check BooleanEquals(string path, bool expected) => response =>
        JsonPaths.Find(response.Body, path) is { } node && node.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            && node.GetValue<bool>() == expected
            ? null
            : $"{path} is {Show(JsonPaths.Find(response.Body, path)?.ToJsonString())}, expected {(expected ? "true" : "false")}";

    public static Check HasSchema(string schema) => response =>
        response.Object?["schemas"] is System.Text.Json.Nodes.JsonArray schemas && schemas.Any(s => s?.GetValue<string>() == schema)
            ? null
            : $"schemas does not contain {schema}";

    public static string Excerpt(string text, int length = 300) =>
        text.Length <= length ? text : text[..length] + "…";

    private static string Show(string? value) => value is null ? "missing" : $"'{value}'";
}
