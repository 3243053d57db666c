namespace Provisioning.Gateway.Context;

/// <summary>
/// Holds a SCIM request to its <see cref="RequestBudget"/>. ScimService bounds each of its own waits, but
/// some of them cannot be cut finer than whole seconds — a frozen PostgreSQL costs Npgsql its command
/// timeout and then a cancel request's connect timeout — so the Gateway keeps the promise: if ScimService
/// has not begun to answer when the budget runs out, the forwarded request is cancelled and the client gets
/// a SCIM <c>503</c> with <c>Retry-After</c>. Once ScimService's response headers arrive the deadline is
/// disarmed (<see cref="Disarm"/>), so a response that is already streaming is never cut short.
/// </summary>
public sealed class RequestDeadline : IDisposable
{
    private readonly CancellationToken _clientAborted;

    /// <summary>One source for both: the client leaving, or the deadline's timer (a linked source with its own timer, not two sources).</summary>
    private readonly CancellationTokenSource _cancellation;

    private RequestDeadline(CancellationToken clientAborted, TimeSpan remaining)
    {
        _clientAborted = clientAborted;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        _cancellation.CancelAfter(remaining);
    }

    public bool Passed => _cancellation.IsCancellationRequested && !_clientAborted.IsCancellationRequested;

    /// <summary>The answer has begun: from here on only the client's own departure stops it.</summary>
    public void Disarm() => _cancellation.CancelAfter(Timeout.InfiniteTimeSpan);

    public void Dispose() => _cancellation.Dispose();

    public static async Task RunAsync(HttpContext context, RequestBudget budget, TimeProvider clock, RequestDelegate next)
    {
        var clientAborted = context.RequestAborted;
        using var deadline = new RequestDeadline(clientAborted, budget.Remaining(clock));
        context.Features.Set(deadline);
        // What YARP and everything after it wait on: the client leaving, or the deadline.
        context.RequestAborted = deadline._cancellation.Token;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (deadline.Passed)
        {
            // Answered below.
        }
        finally
        {
            context.RequestAborted = clientAborted;
            context.Features.Set<RequestDeadline>(null);
        }
        if (deadline.Passed && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await ScimErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "The request did not complete in time, so it may not have been applied. Try again shortly.");
        }
    }

    /// <summary>A YARP response transform: ScimService's headers are in, the answer has begun.</summary>
    public static ValueTask DisarmOnResponseAsync(Yarp.ReverseProxy.Transforms.ResponseTransformContext transform)
    {
        transform.HttpContext.Features.Get<RequestDeadline>()?.Disarm();
        return ValueTask.CompletedTask;
    }
}
