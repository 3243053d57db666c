using System.ComponentModel.DataAnnotations;

namespace Provisioning.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The key tenant contexts are signed with; ScimService holds the same (an Aspire parameter).</summary>
    [Required, MinLength(32)]
    public string ContextSigningKey { get; set; } = "";

    /// <summary>The credential for PolicyService's internal API (an Aspire parameter).</summary>
    [Required, MinLength(32)]
    public string InternalApiKey { get; set; } = "";

    /// <summary>How long a signed context stays valid; only long enough for one forwarded request.</summary>
    public TimeSpan ContextLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an accepted token is trusted without asking PolicyService again; revocation is felt within this.</summary>
    public TimeSpan AcceptedTokenCacheLifetime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The largest SCIM request body accepted (RFC 7644 Bulk payloads included).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>How long a refused token is remembered, shorter so a new token works almost at once.</summary>
    public TimeSpan RefusedTokenCacheLifetime { get; set; } = TimeSpan.FromSeconds(1);
}
