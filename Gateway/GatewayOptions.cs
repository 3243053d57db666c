using System.ComponentModel.DataAnnotations;
using Provisioning.Contracts;

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

    /// <summary>
    /// How long a signed context stays valid: long enough to reach ScimService (it is checked before
    /// the body is read) with room for clock drift between hosts, short enough to be useless later.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ContextLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a SCIM request may take before the Gateway answers it with <c>503</c> and <c>Retry-After</c>
    /// itself, counted from when the Gateway first looks at it until ScimService begins to answer. The
    /// promise is an answer within 3 s while a dependency is away (docs/reliability.md); half a second of
    /// it is kept for the way to and from the client and a busy machine's scheduling.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>The same for a Bulk request: up to a thousand writes in one request (RFC 7644 §3.7).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan BulkRequestDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an accepted token is trusted without asking PolicyService again; revocation is felt within this.</summary>
    public TimeSpan AcceptedTokenCacheLifetime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The largest SCIM request body accepted (RFC 7644 Bulk payloads included).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>
    /// The largest body accepted on every other route: the token endpoint's form (a client id, a secret and a
    /// grant type) and the Admin UI's forms are a few kilobytes. Without it Kestrel's default of 30 MB let
    /// anyone, unauthenticated, make PolicyService or the Admin UI hold tens of MB of form values under heaps
    /// capped at 64 and 128 MB.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxFormBodyBytes { get; set; } = 65_536;

    /// <summary>How long a refused token is remembered, shorter so a new token works almost at once.</summary>
    public TimeSpan RefusedTokenCacheLifetime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many credential answers the Gateway keeps in memory at most. Made-up tokens arrive as fast as
    /// an attacker sends them; past this many, answers are simply not kept (each is asked for again).
    /// </summary>
    [Range(100, 10_000_000)]
    public int CredentialCacheEntries { get; set; } = 100_000;

    /// <summary>The issuer PolicyService puts in OAuth access tokens.</summary>
    [Required]
    public string AccessTokenIssuer { get; set; } = AccessTokenClaims.DefaultIssuer;

    /// <summary>The audience OAuth access tokens must name: this SCIM API.</summary>
    [Required]
    public string AccessTokenAudience { get; set; } = AccessTokenClaims.DefaultAudience;

    /// <summary>
    /// Sustained requests per second per credential, unless its connection sets its own. 100: what
    /// Okta's and Entra's first import of a large directory sends, with room (docs/security.md).
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitRequestsPerSecond { get; set; } = 100;

    /// <summary>How many requests a credential may send at once after a quiet spell: two seconds' worth.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>
    /// How many Gateway replicas share the traffic. Rate-limit buckets live in Redis; while Redis
    /// is away each replica enforces this share of every limit on its own.
    /// </summary>
    [Range(1, 1000)]
    public int ReplicaCount { get; set; } = 1;
}
