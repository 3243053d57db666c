using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Gateway;
using Provisioning.Gateway.Context;

namespace Provisioning.Tests.Unit.Gateway;

/// <summary>
/// The Gateway keeps a SCIM request's deadline when ScimService cannot: a forwarded request that has not
/// begun to answer in time is cancelled and answered with a SCIM 503 and Retry-After.
/// </summary>
public sealed class RequestDeadlineTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ARequestNotAnsweredByItsDeadlineGetsA503WithRetryAfterAndItsForwardingIsCancelled()
    {
        var context = NewContext();
        var forwardingCancelled = false;

        var elapsed = await TimeAsync(() => RequestDeadline.RunAsync(context, BudgetOf(Short), TimeProvider.System, async http =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
            }
            finally
            {
                forwardingCancelled = http.RequestAborted.IsCancellationRequested;
            }
        }));

        Assert.True(forwardingCancelled);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"answered after {elapsed}");
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("application/scim+json", context.Response.ContentType?.Split(';')[0]);
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter));
        var error = JsonNode.Parse(Body(context))!;
        Assert.Equal("503", error["status"]!.GetValue<string>());
        Assert.Contains("may not have been applied", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AProxyThatSwallowsTheCancellationAndSetsItsOwnStatusStillLeavesA503()
    {
        var context = NewContext();

        await RequestDeadline.RunAsync(context, BudgetOf(Short), TimeProvider.System, async http =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // What YARP does when its request is cancelled: a status, no body, no exception.
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        });

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("503", JsonNode.Parse(Body(context))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAnswerThatBeganBeforeTheDeadlineIsNotCutShort()
    {
        var context = NewContext();

        await RequestDeadline.RunAsync(context, BudgetOf(Short), TimeProvider.System, async http =>
        {
            http.Features.Get<RequestDeadline>()!.Disarm();
            await Task.Delay(Short * 3, http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status200OK;
        });

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("", Body(context));
    }

    [Fact]
    public async Task AClientThatLeftIsNotAnsweredAndKeepsItsOwnCancellation()
    {
        var context = NewContext();
        using var client = new CancellationTokenSource();
        context.RequestAborted = client.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RequestDeadline.RunAsync(context, BudgetOf(TimeSpan.FromSeconds(30)), TimeProvider.System, async http =>
            {
                await client.CancelAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
            }));

        Assert.Equal(client.Token, context.RequestAborted);
        Assert.NotEqual(503, context.Response.StatusCode);
        Assert.Null(context.Features.Get<RequestDeadline>());
    }

    [Fact]
    public async Task ARequestThatAnswersInTimeIsUntouchedAndTheClientsTokenIsGivenBack()
    {
        var context = NewContext();
        var original = context.RequestAborted;

        await RequestDeadline.RunAsync(context, BudgetOf(TimeSpan.FromSeconds(30)), TimeProvider.System, http =>
        {
            http.Response.StatusCode = StatusCodes.Status201Created;
            return Task.CompletedTask;
        });

        Assert.Equal(201, context.Response.StatusCode);
        Assert.Equal(original, context.RequestAborted);
    }

    [Theory]
    [InlineData("POST", "/scim/v2/Bulk", 30_000)]
    [InlineData("POST", "/scim/v2/Users", 2_500)]
    [InlineData("GET", "/scim/v2/Groups", 2_500)]
    [InlineData("GET", "/scim/v2/Bulk", 2_500)]
    public void ABulkRequestHasTheLongerDeadlineAndEveryOtherRequestTwoAndAHalfSeconds(string method, string path, int milliseconds)
    {
        var context = NewContext();
        context.Request.Method = method;
        context.Request.Path = path;

        var budget = RequestBudget.Start(context, TimeProvider.System, new GatewayOptions());

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), budget.Total);
        Assert.Same(budget, context.Features.Get<RequestBudget>());
    }

    private static RequestBudget BudgetOf(TimeSpan total) => new(TimeProvider.System.GetTimestamp(), total);

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var started = TimeProvider.System.GetTimestamp();
        await action();
        return TimeProvider.System.GetElapsedTime(started);
    }
}
