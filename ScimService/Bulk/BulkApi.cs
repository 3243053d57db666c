using System.Text.Json.Nodes;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Bulk;

/// <summary>
/// POST /Bulk (RFC 7644 §3.7): operations run in order, each on its own, through the same code
/// as the single-resource endpoints; <c>bulkId:</c> references resolve to ids created earlier
/// in the request, an operation that refers forward waits until its reference exists.
/// </summary>
public static class BulkApi
{
    public static void MapBulkApi(this RouteGroupBuilder scim) =>
        scim.MapPost("/Bulk", async (HttpContext http, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, ILogger<BulkRequest> logger, CancellationToken ct) =>
        {
            if (http.Request.ContentLength > BulkLimits.MaxPayloadBytes)
            {
                return TooLarge($"A bulk request may carry at most {BulkLimits.MaxPayloadBytes} bytes.");
            }
            var request = BulkRequest.Parse(await ScimRequestBody.ReadObjectAsync(http.Request, ct));
            if (request.Operations.Count > BulkLimits.MaxOperations)
            {
                return TooLarge($"A bulk request may carry at most {BulkLimits.MaxOperations} operations; this one has {request.Operations.Count}.");
            }
            var results = await RunAsync(request, ScimCall.From(http) with { Projection = Projection.Default }, db, engine, clock, logger, ct);
            return ScimResults.Ok(new JsonObject
            {
                ["schemas"] = new JsonArray(ScimSchemas.BulkResponse),
                ["Operations"] = new JsonArray(results.ToArray<JsonNode>()),
            });
        });

    private static async Task<List<JsonObject>> RunAsync(BulkRequest request, ScimCall call, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var createdIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<JsonObject>();
        var pending = new List<BulkOperation>(request.Operations);
        var errors = 0;
        while (pending.Count > 0)
        {
            var runnable = pending.FirstOrDefault(op => op.References().All(createdIds.ContainsKey))
                ?? pending.FirstOrDefault(op => op.References().Any(r => !request.Operations.Any(other => other.BulkId == r)))
                ?? pending[0];
            pending.Remove(runnable);
            var unresolved = runnable.References().Where(r => !createdIds.ContainsKey(r)).ToList();
            var outcome = unresolved.Count > 0
                ? ScimResults.Error(StatusCodes.Status409Conflict,
                    $"bulkId '{unresolved[0]}' does not resolve: no earlier operation of this request created it (or the references form a cycle).")
                : await ExecuteAsync(runnable.Resolve(createdIds), call with { IfMatch = runnable.Version }, db, engine, clock, logger, cancellationToken);

            if (runnable.BulkId is not null && outcome.StatusCode == StatusCodes.Status201Created && outcome.Body?["id"] is JsonValue id)
            {
                createdIds[runnable.BulkId] = id.GetValue<string>();
            }
            results.Add(BulkResponseOperation.Create(runnable, outcome));
            if (outcome.StatusCode >= 400 && request.FailOnErrors is { } limit && ++errors >= limit)
            {
                break;
            }
        }
        return results;
    }

    private static async Task<ScimJsonResult> ExecuteAsync(BulkOperation operation, ScimCall call, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        // One operation's failed save must not leave its entities behind for the next one.
        db.ChangeTracker.Clear();
        try
        {
            return await BulkDispatch.RunAsync(operation, call, db, engine, clock, logger, cancellationToken);
        }
        catch (ScimProtocolException e)
        {
            return ScimResults.Error(e.Status, e.Message, e.ScimType);
        }
    }

    private static ScimJsonResult TooLarge(string detail) => ScimResults.Error(StatusCodes.Status413PayloadTooLarge, detail);
}
