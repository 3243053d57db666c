using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Provisioning.Contracts;

namespace Provisioning.Gateway.Authentication;

public static class ScimAuthentication
{
    /// <summary>Requires a valid bearer credential on SCIM routes and records the tenant it speaks for.</summary>
    public static IApplicationBuilder UseScimAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var presented = ReadBearer(context.Request);
            if (presented is null)
            {
                await ChallengeAsync(context, "A bearer token is required: send 'Authorization: Bearer <token>'.", invalidToken: false);
                return;
            }
            var authenticator = context.RequestServices.GetRequiredService<BearerTokenAuthenticator>();
            var credential = await authenticator.AuthenticateAsync(presented, context.RequestAborted);
            if (credential is null)
            {
                await ChallengeAsync(context, "The bearer token is not valid, or it has been revoked or has expired.", invalidToken: true);
                return;
            }
            if (!credential.ConnectionEnabled)
            {
                await ScimErrors.WriteAsync(context, StatusCodes.Status403Forbidden,
                    "SCIM provisioning is disabled for this connection. An administrator can enable it in the admin UI.");
                return;
            }

            var options = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var clock = context.RequestServices.GetRequiredService<TimeProvider>();
            context.Features.Set(new TenantContext(
                credential.OrganizationId,
                credential.ConnectionId,
                credential.Realm,
                credential.CredentialId,
                IdentityProviders.Recognize(context.Request),
                clock.GetUtcNow() + options.ContextLifetime));
            await next(context);
        });

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
