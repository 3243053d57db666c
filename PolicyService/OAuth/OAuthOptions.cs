using System.ComponentModel.DataAnnotations;
using Provisioning.Contracts;

namespace Provisioning.PolicyService.OAuth;

public sealed class OAuthOptions
{
    public const string Section = "OAuth";

    /// <summary>The <c>iss</c> of every access token; the Gateway expects the same.</summary>
    [Required]
    public string Issuer { get; set; } = AccessTokenClaims.DefaultIssuer;

    /// <summary>The <c>aud</c> of every access token: the SCIM API behind the Gateway.</summary>
    [Required]
    public string Audience { get; set; } = AccessTokenClaims.DefaultAudience;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How long one key signs before a new one takes over; the old one is published until its last token expires.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SigningKeyRotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The secret (an Aspire parameter) from which the key that encrypts signing keys at rest is derived.</summary>
    [Required, MinLength(32)]
    public string KeyProtectionKey { get; set; } = "";
}
