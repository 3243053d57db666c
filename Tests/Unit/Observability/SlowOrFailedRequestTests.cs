using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Provisioning.Gateway.Observability;

namespace Provisioning.Tests.Unit.Observability;

/// <summary>
/// Production samples a tenth of the traces, so the Gateway's warning per 5xx or slow SCIM request (with the
/// request's log scope: IdP, and the connection once known) is how an unsampled failure is still found.
/// </summary>
public sealed class SlowOrFailedRequestTests
{
    private readonly FakeLogCollector _logs = new();

    [Fact]
    public async Task AScimRequestAnswered503IsAWarningNamingItsResourceStatusAndConnection()
    {
        var connectionId = Guid.NewGuid();

        await SendAsync(context =>
        {
            IdentityProviderRecognition.ScopeOf(context)!.Authenticated(connectionId, Guid.NewGuid());
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });

        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("SCIM PATCH /Users answered 503", warning.Message);
        var scope = Assert.Single(warning.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>());
        Assert.Contains(new KeyValuePair<string, object>("IdentityProvider", "okta"), scope);
        Assert.Contains(new KeyValuePair<string, object>("ConnectionId", connectionId), scope);
    }

    [Fact]
    public async Task ASlowScimRequestIsAWarningAndAQuickOneIsNot()
    {
        await SendAsync(_ => Task.CompletedTask);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);

        await SendAsync(async _ => await Task.Delay(SlowOrFailedRequests.Slow + TimeSpan.FromMilliseconds(50)));

        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("SCIM PATCH /Users answered 200 after", warning.Message);
    }

    private async Task SendAsync(RequestDelegate scimService)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(new FakeLoggerProvider(_logs)))
            .BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseIdentityProviderRecognition().Run(scimService);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "PATCH";
        context.Request.Path = "/scim/v2/Users/2819c223";
        context.Request.Headers.UserAgent = "Okta SCIM Client 1.0.0";
        await app.Build()(context);
    }
}
