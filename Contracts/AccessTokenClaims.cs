namespace Provisioning.Contracts;

/// <summary>
/// The OAuth access tokens PolicyService issues and the Gateway validates: who issues them,
/// for whom, and the claims that carry the tenant.
/// </summary>
public static class AccessTokenClaims
{
    public const string DefaultIssuer = "urn:provisioning:policyservice";
    public const string DefaultAudience = "provisioning-scim";

    public const string Organization = "org";
    public const string Connection = "conn";
    public const string Realm = "realm";
    public const string ClientCredential = "cid";
}
