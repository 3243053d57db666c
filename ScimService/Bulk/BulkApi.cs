using System.Text.Json.Nodes;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Writes;

namespace Provisioning.ScimService.Bulk;

/// <summary>
/// POST /Bulk (RFC 7644 §3.7): operations run in order, each on its own, through the same code
/// as the single-resource endpoints; <c>bulkId:</c> references resolve to ids created earlier
/// in the request; an operation that refers forward runs after the one it refers to
/// (<see cref="BulkSchedule"/>), and one fault is that operation's result, not the response's.
/// </summary>
public static class BulkApi
{
    public static void MapBulkApi(this RouteGroupBuilder scim) => scim.MapPost("/Bulk", PostAsync);

    private static async Task<ScimJsonResult> PostAsync(ScimCall call, ScimDbContext db, ScimWrites writes, MembershipDeltas memberships, ILogger<BulkRequest> logger, CancellationToken ct)
    {
        if (call.Request.ContentLength > BulkLimits.MaxPayloadBytes)
        {
            return TooLarge($"A bulk request may carry at most {BulkLimits.MaxPayloadBytes} bytes.");
        }
        var request = BulkRequest.Parse(await call.BodyAsync(ct));
        if (request.Operations.Count > BulkLimits.MaxOperations)
        {
            return TooLarge($"A bulk request may carry at most {BulkLimits.MaxOperations} operations; this one has {request.Operations.Count}.");
        }
        var results = await RunAsync(request, call with { Projection = Projection.Default }, db, writes, memberships, logger, ct);
        return ScimResults.Ok(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.BulkResponse),
            ["Operations"] = new JsonArray(results.ToArray<JsonNode>()),
        });
    }

    private static async Task<List<JsonObject>> RunAsync(BulkRequest request, ScimCall call, ScimDbContext db, ScimWrites writes, MembershipDeltas memberships, ILogger<BulkRequest> logger, CancellationToken cancellationToken)
    {
        var schedule = BulkSchedule.Plan(request.Operations);
        var createdIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<JsonObject>();
        var errors = 0;
        foreach (var index in schedule.Order)
        {
            var operation = request.Operations[index];
            var resolved = operation.Resolve(createdIds);
            var unresolved = schedule.ReferencesOf(index).FirstOrDefault(r => !createdIds.ContainsKey(r));
            var outcome = (schedule.IsBlocked(index), unresolved) switch
            {
                (true, _) => ScimResults.Error(StatusCodes.Status409Conflict,
                    "The bulkId references of this operation form a cycle, so it can never run."),
                (_, not null) => ScimResults.Error(StatusCodes.Status409Conflict,
                    $"bulkId '{unresolved}' does not resolve: no operation of this request created it."),
                _ => await ExecuteAsync(resolved, call, db, writes, memberships, logger, cancellationToken),
            };

            if (operation.BulkId is not null && outcome.StatusCode == StatusCodes.Status201Created && outcome.Body?["id"] is JsonValue id)
            {
                createdIds[operation.BulkId] = id.GetValue<string>();
            }
            results.Add(BulkResponseOperation.Create(resolved, outcome, call.Request));
            // A dependency that is down fails every later operation too, each only after its timeout:
            // stop here and report what ran (RFC 7644 §3.7.3 lets a response end early).
            if (outcome.StatusCode == StatusCodes.Status503ServiceUnavailable
                || outcome.StatusCode >= 400 && request.FailOnErrors is { } limit && ++errors >= limit)
            {
                break;
            }
        }
        return results;
    }

    private static async Task<ScimJsonResult> ExecuteAsync(BulkOperation operation, ScimCall call, ScimDbContext db, ScimWrites writes, MembershipDeltas memberships, ILogger<BulkRequest> logger, CancellationToken cancellationToken)
    {
        // One operation's failed save must not leave its entities behind for the next one.
        db.ChangeTracker.Clear();
        try
        {
            return await BulkDispatch.RunAsync(operation, call with { IfMatch = operation.Version, Data = operation.Data }, db, writes, memberships, cancellationToken);
        }
        catch (ScimProtocolException e)
        {
            return ScimResults.Error(e.Status, e.Message, e.ScimType);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The operation's transaction rolled back when its scope ended; the operations before it
            // committed, so the fault is this operation's result, not the whole response's.
            if (DependencyOutage.IsOutage(e))
            {
                logger.LogWarning("A bulk operation failed: a dependency is down ({Fault}).", e.GetType().Name);
                return ScimResults.Error(StatusCodes.Status503ServiceUnavailable, DependencyOutage.Detail);
            }
            logger.LogError(e, "A bulk operation ({Method} {Path}) failed.", operation.Method, ListQuery.Shorten(operation.Path));
            return ScimResults.Error(StatusCodes.Status500InternalServerError, "The server failed to run this operation; it was not applied. It has been logged.");
        }
    }

    private static ScimJsonResult TooLarge(string detail) => ScimResults.Error(StatusCodes.Status413PayloadTooLarge, detail);
}
