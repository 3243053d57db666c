using System.Text.Json.Nodes;

namespace Provisioning.Simulator.Scim;

/// <summary>One request an IdP sends, named by the step of its conversation ("okta: create user").</summary>
public sealed record ScimRequest(string Step, HttpMethod Method, string Path, JsonObject? Body = null)
{
    public static ScimRequest Get(string step, string path) => new(step, HttpMethod.Get, path);

    public static ScimRequest Post(string step, string path, JsonObject body) => new(step, HttpMethod.Post, path, body);

    public static ScimRequest Put(string step, string path, JsonObject body) => new(step, HttpMethod.Put, path, body);

    public static ScimRequest Patch(string step, string path, JsonObject body) => new(step, HttpMethod.Patch, path, body);

    public static ScimRequest Delete(string step, string path) => new(step, HttpMethod.Delete, path);
}

/// <summary>What came back: the status, the parsed body when it was JSON, and the text for error reports.</summary>
public sealed record ScimResponse(int Status, JsonNode? Body, string Text, string? ContentType)
{
    public JsonObject? Object => Body as JsonObject;

    public string? String(string name) => Object?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
