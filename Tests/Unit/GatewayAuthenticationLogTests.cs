using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Caching;
using Provisioning.Gateway.Observability;

namespace Provisioning.Tests.Unit;

/// <summary>
/// Runs the Gateway's authentication path — IdP recognition, the authenticator, the PolicyService
/// client and its HttpClient logging — with every log captured, and looks for the secret.
/// </summary>
public sealed class GatewayAuthenticationLogTests
{
    private static readonly Guid ConnectionId = Guid.NewGuid();
    private readonly string _token = BearerTokenFormat.Create();
    private readonly FakeLogCollector _logs = new();

    [Fact]
    public async Task NeitherAnAcceptedNorARefusedTokenAppearsInAnyLogLine()
    {
        var pipeline = Build();
        var wrong = _token[..^5] + (_token.EndsWith("AAAAA", StringComparison.Ordinal) ? "BBBBB" : "AAAAA");

        var accepted = await SendAsync(pipeline, _token);
        var refused = await SendAsync(pipeline, wrong);
        var garbage = await SendAsync(pipeline, "not.a.jwt-" + _token[4..]);

        Assert.Equal(StatusCodes.Status200OK, accepted.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, refused.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, garbage.Status);
        var records = _logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var secret in new[] { _token, _token[4..], wrong, wrong[4..], _token[12..], wrong[12..] })
        {
            Assert.All(records, record => Assert.DoesNotContain(secret, Describe(record)));
            Assert.DoesNotContain(secret, accepted.Body + refused.Body + garbage.Body);
        }
    }

    private IServiceProvider _services = null!;

    private RequestDelegate Build()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        services.AddSingleton(Options.Create(new GatewayOptions
        {
            ContextSigningKey = new string('k', 40),
            InternalApiKey = new string('i', 40),
        }));
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient<PolicyServiceClient>(client => client.BaseAddress = new Uri("http://policyservice"))
            .ConfigurePrimaryHttpMessageHandler(() => new FakePolicyService(BearerTokenFormat.Hash(_token)));
        services.AddSingleton<SettingsInvalidation>();
        services.AddSingleton<Provisioning.Gateway.Authentication.CredentialCache>();
        services.AddSingleton<BearerTokenAuthenticator>();
        services.AddSingleton<SigningKeySet>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<ScimAuthenticator>();
        services.AddSingleton(Options.Create(new Provisioning.Gateway.RateLimiting.AddressLimitOptions()));
        services.AddSingleton<Provisioning.Gateway.RateLimiting.AddressLimits>();
        _services = services.BuildServiceProvider();
        var app = new ApplicationBuilder(_services);
        app.UseIdentityProviderRecognition().UseScimAuthentication();
        app.Run(context =>
        {
            context.RequestServices.GetRequiredService<ILogger<GatewayAuthenticationLogTests>>()
                .LogInformation("Forwarded a request for connection {ConnectionId}.", context.Features.Get<TenantContext>()?.ConnectionId);
            return Task.CompletedTask;
        });
        return app.Build();
    }

    private async Task<(int Status, string Body)> SendAsync(RequestDelegate pipeline, string token)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Path = "/scim/v2/Users";
        context.Request.Headers.Authorization = "Bearer " + token;
        context.Request.Headers.UserAgent = "Okta SCIM Client 1.0.0";
        context.Response.Body = new MemoryStream();
        await pipeline(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray())
            + string.Join('\n', context.Response.Headers.Select(h => $"{h.Key}: {h.Value}")));
    }

    private static string Describe(FakeLogRecord record) => string.Join('\n',
    [
        record.Message,
        record.Exception?.ToString() ?? "",
        .. record.StructuredState?.Select(s => $"{s.Key}={s.Value}") ?? [],
        .. record.Scopes.Select(s => s?.ToString() ?? ""),
        .. record.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>().SelectMany(s => s.Select(p => $"{p.Key}={p.Value}")),
    ]);

    /// <summary>PolicyService as the Gateway sees it: accepts one hash, knows no signing keys.</summary>
    private sealed class FakePolicyService(string acceptedHash) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/oauth/jwks")
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"keys":[]}""") };
            }
            var check = await request.Content!.ReadFromJsonAsync<CredentialCheckRequest>(cancellationToken);
            return check!.Hash == acceptedHash
                ? new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = JsonContent.Create(new CredentialCheckResult(Guid.NewGuid(), Guid.NewGuid(), ConnectionId, Realm.Dashboard, true)),
                }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
