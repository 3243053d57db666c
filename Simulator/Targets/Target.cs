using Provisioning.Simulator.Scim;

namespace Provisioning.Simulator.Targets;

/// <summary>One SCIM connection to drive: its base URL, how to authenticate, and (when known) which IdP should speak.</summary>
public sealed record Target(string Name, Uri BaseUrl, TargetCredential Credential, IdentityProvider? Idp = null)
{
    /// <summary>The base URL with a closing slash, so "Users?…" resolves under /scim/v2/ rather than beside it.</summary>
    public Uri ScimBase => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}

/// <summary>A bearer token, or an OAuth client with its token endpoint.</summary>
public sealed record TargetCredential(string? Token, string? ClientId = null, string? ClientSecret = null, Uri? TokenUrl = null)
{
    public Credential Create(TimeProvider clock) => Token is not null
        ? new BearerToken(Token)
        : new OAuthClientCredentials(TokenUrl!, ClientId!, ClientSecret!, clock);
}
