using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Provisioning.Contracts;
using Provisioning.Gateway.Context;
using Provisioning.Gateway.Observability;
using Provisioning.Gateway.RateLimiting;

namespace Provisioning.Gateway.Authentication;

/// <summary>Who a SCIM request speaks for, once its credential has been accepted.</summary>
public sealed record AuthenticatedCredential(CredentialCheckResult Credential, string Kind);

/// <summary>
/// Requires a valid credential on SCIM routes — a static token, or an OAuth access token whose
/// client is still live — and records the tenant it speaks for. Nothing here logs, caches or
/// echoes the presented token.
/// </summary>
public sealed class ScimAuthenticator(
    BearerTokenAuthenticator bearerTokens,
    AccessTokenValidator accessTokens,
    PolicyServiceClient policyService,
    CredentialCache cache,
    AddressLimits addressLimits,
    IOptions<GatewayOptions> options,
    TimeProvider clock,
    ILogger<ScimAuthenticator> logger)
{
    public const string StaticToken = "static-token";
    public const string OAuthAccessToken = "oauth-access-token";

    public async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var budget = RequestBudget.Start(context, clock, options.Value);
        var allowance = new FailureAllowance(addressLimits.FailedScimCredentials, context);
        AuthenticatedCredential? authenticated;
        try
        {
            var presented = ReadBearer(context.Request);
            if (presented is null)
            {
                allowance.Take();
                logger.LogInformation("Refused a SCIM request: no bearer token.");
                GatewayTelemetry.AuthenticationFailed("missing_token");
                await ChallengeAsync(context, "A bearer token is required: send 'Authorization: Bearer <token>'.", invalidToken: false);
                return;
            }
            authenticated = await CheckAsync(presented, allowance, context.RequestAborted);
            if (authenticated is null)
            {
                allowance.Take();
                logger.LogInformation("Refused a SCIM request: the bearer token is unknown, revoked, expired or malformed.");
                GatewayTelemetry.AuthenticationFailed("invalid_token");
                await ChallengeAsync(context, "The bearer token is not valid, or it has been revoked or has expired.", invalidToken: true);
                return;
            }
        }
        catch (AddressLimitedException e)
        {
            logger.LogInformation("Refused a SCIM request: too many refused credentials from its address.");
            GatewayTelemetry.AuthenticationFailed("address_limited");
            GatewayTelemetry.RateLimitRejected("failed_credentials_per_address");
            await FailedCredentialLimit.RejectAsync(context, e.RetryAfter);
            return;
        }
        catch (Exception e) when (CredentialCache.PolicyServiceUnreachable(e)
                                      || e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            allowance.GiveBack();
            logger.LogError("Could not check a SCIM credential: PolicyService did not answer ({Fault}).", e.GetType().Name);
            GatewayTelemetry.AuthenticationFailed("check_unavailable");
            await ScimErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "The credential could not be checked right now. Try again shortly.");
            return;
        }
        allowance.GiveBack();
        var credential = authenticated.Credential;
        if (!credential.ConnectionEnabled)
        {
            logger.LogInformation("Refused a SCIM request for disabled connection {ConnectionId}.", credential.ConnectionId);
            GatewayTelemetry.Tenant(credential.OrganizationId, credential.ConnectionId, credential.Realm);
            GatewayTelemetry.AuthenticationFailed("connection_disabled");
            await ScimErrors.WriteAsync(context, StatusCodes.Status403Forbidden,
                "SCIM provisioning is disabled for this connection. An administrator can enable it in the admin UI.");
            return;
        }

        context.Features.Set(authenticated);
        GatewayTelemetry.Tenant(credential.OrganizationId, credential.ConnectionId, credential.Realm);
        context.Features.Set(new TenantContext(
            credential.OrganizationId,
            credential.ConnectionId,
            credential.Realm,
            credential.CredentialId,
            IdentityProviderRecognition.Of(context),
            clock.GetUtcNow() + options.Value.ContextLifetime));
        // The request's log scope (opened by IdentityProviderRecognition) names the connection from here on.
        IdentityProviderRecognition.ScopeOf(context)?.Authenticated(credential.ConnectionId, credential.CredentialId);
        await RequestDeadline.RunAsync(context, budget, clock, next);
    }

    private async Task<AuthenticatedCredential?> CheckAsync(string presented, FailureAllowance allowance, CancellationToken cancellationToken)
    {
        if (!AccessTokenValidator.LooksLikeJwt(presented))
        {
            var credential = await bearerTokens.AuthenticateAsync(presented, allowance.Take, cancellationToken);
            return credential is null ? null : new AuthenticatedCredential(credential, StaticToken);
        }
        if (await accessTokens.ValidateAsync(presented, cancellationToken) is not { } identity)
        {
            return null;
        }
        // The token is valid on its own; its client may still have been revoked or its connection disabled since.
        var client = await cache.GetOrCheckAsync(
            "oauth-client:" + identity.ClientCredentialId,
            SettingsKeys.OAuthClient(identity.ClientCredentialId),
            ct => policyService.CheckOAuthClientAsync(identity.ClientCredentialId, ct),
            cancellationToken,
            allowance.Take);
        return client is not null && client.ConnectionId == identity.ConnectionId
            ? new AuthenticatedCredential(client, OAuthAccessToken)
            : null;
    }

    private static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static Task ChallengeAsync(HttpContext context, string detail, bool invalidToken)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = invalidToken
            ? "Bearer realm=\"scim\", error=\"invalid_token\""
            : "Bearer realm=\"scim\"";
        return ScimErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, detail);
    }
}

public static class ScimAuthentication
{
    public static IApplicationBuilder UseScimAuthentication(this IApplicationBuilder app) =>
        app.Use((context, next) => context.RequestServices.GetRequiredService<ScimAuthenticator>().AuthenticateAsync(context, next));
}
