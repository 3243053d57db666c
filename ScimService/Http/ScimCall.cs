using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Tenancy;

namespace Provisioning.ScimService.Http;

/// <summary>
/// What one SCIM operation needs from its request: the connection, the projection, the If-Match
/// version and the body. Endpoints bind it as a parameter; a Bulk request makes one per operation
/// from the operation's own fields (<c>with { IfMatch = …, Data = … }</c>).
/// </summary>
/// <remarks>
/// Parameters are bound before the route group's filters run, so nothing here is read at binding:
/// the tenant is verified, and a malformed <c>attributes</c> parameter becomes a SCIM error, only
/// once the endpoint asks.
/// </remarks>
public sealed record ScimCall(HttpRequest Request)
{
    private Projection? _projection;

    public static ValueTask<ScimCall?> BindAsync(HttpContext http) => ValueTask.FromResult<ScimCall?>(new ScimCall(http.Request));

    /// <summary>Who the request speaks for (a Bulk operation speaks for its Bulk request's tenant).</summary>
    public TenantContext Tenant => Request.HttpContext.Tenant();

    public Guid ConnectionId => Tenant.ConnectionId;

    /// <summary>The resource types as this connection sees them, with its declared custom attributes.</summary>
    public ConnectionSchema Schema => Request.HttpContext.ConnectionSchemaOf();

    public Projection Projection
    {
        get => _projection ??= Projection.FromQueryString(QueryParameters(Request));
        init => _projection = value;
    }

    public string? IfMatch { get; init; } = Request.Headers.IfMatch.ToString();

    /// <summary>The resource a Bulk operation carries; null for a request whose own body is the resource.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>The resource or PATCH document: the Bulk operation's data, else the request body (read once, here).</summary>
    public async Task<JsonObject> BodyAsync(CancellationToken cancellationToken) =>
        Data ?? await ScimRequestBody.ReadObjectAsync(Request, cancellationToken);

    /// <summary>A GET's list parameters from the query string.</summary>
    public ListQuery QueryStringListQuery() => ListQuery.FromQueryString(QueryParameters(Request));

    private static IEnumerable<KeyValuePair<string, string?>> QueryParameters(HttpRequest request) =>
        request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()));

    /// <summary>The operation in short for the provisioning log, e.g. "PATCH /Users/{id}"; a Bulk operation says so.</summary>
    public string Operation(string method, string path) =>
        (Request.Path.Value?.EndsWith("/Bulk", StringComparison.OrdinalIgnoreCase) == true ? "Bulk " : "") + method + " " + path;

    /// <summary>Whether the client asked to shape the response (then a 204 would hide what it asked for).</summary>
    public bool AskedForAttributes => Projection.Attributes is not null || Projection.ExcludedAttributes is not null;
}

public static class ScimCallChecks
{
    /// <summary>
    /// Reads the projection of every bound call once the route group's earlier filters have let the
    /// request in, so a malformed <c>attributes</c> parameter is refused before the endpoint reads or
    /// writes anything (and a Bulk request with one is refused as a whole).
    /// </summary>
    public static RouteGroupBuilder WithScimCalls(this RouteGroupBuilder group) =>
        group.AddEndpointFilter((invocation, next) =>
        {
            foreach (var call in invocation.Arguments.OfType<ScimCall>())
            {
                _ = call.Projection;
            }
            return next(invocation);
        });
}
