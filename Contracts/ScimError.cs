using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.Contracts;

/// <summary>The SCIM error body of RFC 7644 §3.12; <c>status</c> is a string, as the RFC's examples and IdPs expect.</summary>
public sealed record ScimError(
    [property: JsonPropertyName("status"), JsonPropertyOrder(1)] string Status,
    [property: JsonPropertyName("detail"), JsonPropertyOrder(3)] string Detail,
    [property: JsonPropertyName("scimType"), JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScimType = null)
{
    public const string Schema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ContentType = "application/scim+json";

    /// <summary>
    /// The <c>Retry-After</c> of every 503 (a dependency is down): services recover by themselves
    /// within ten seconds of it returning, so an IdP that waits this long mostly succeeds.
    /// </summary>
    public const string RetryAfterSeconds = "5";

    /// <summary>SCIM bodies are read by people too: no needless \u escapes of quotes and angle brackets.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [JsonPropertyName("schemas"), JsonPropertyOrder(0)]
    public string[] Schemas => [Schema];

    public static ScimError For(int status, string detail, string? scimType = null) =>
        new(status.ToString(System.Globalization.CultureInfo.InvariantCulture), detail, scimType);
}
