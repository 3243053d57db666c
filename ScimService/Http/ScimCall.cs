using Provisioning.Contracts;
using Provisioning.ScimService.CustomAttributes;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Tenancy;

namespace Provisioning.ScimService.Http;

/// <summary>
/// What one SCIM operation needs from its request: the connection, the projection and the
/// If-Match version. A Bulk request makes one per operation from the operation's own fields.
/// </summary>
public sealed record ScimCall(HttpRequest Request, Guid ConnectionId, Projection Projection, string? IfMatch)
{
    /// <summary>The resource types as this connection sees them, with its declared custom attributes.</summary>
    public ConnectionSchema Schema => Request.HttpContext.ConnectionSchemaOf();

    public static ScimCall From(HttpContext http) => new(
        http.Request,
        http.Tenant().ConnectionId,
        Projection.FromQueryString(QueryParameters(http.Request)),
        http.Request.Headers.IfMatch.ToString());

    public static IEnumerable<KeyValuePair<string, string?>> QueryParameters(HttpRequest request) =>
        request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()));

    /// <summary>Who the request speaks for (a Bulk operation speaks for its Bulk request's tenant).</summary>
    public TenantContext Tenant => Request.HttpContext.Tenant();

    /// <summary>The operation in short for the provisioning log, e.g. "PATCH /Users/{id}"; a Bulk operation says so.</summary>
    public string Operation(string method, string path) =>
        (Request.Path.Value?.EndsWith("/Bulk", StringComparison.OrdinalIgnoreCase) == true ? "Bulk " : "") + method + " " + path;

    /// <summary>Whether the client asked to shape the response (then a 204 would hide what it asked for).</summary>
    public bool AskedForAttributes => Projection.Attributes is not null || Projection.ExcludedAttributes is not null;
}
