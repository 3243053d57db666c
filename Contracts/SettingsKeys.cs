namespace Provisioning.Contracts;

/// <summary>
/// Names of cached settings, shared by PolicyService (which publishes a key on
/// <see cref="InvalidationChannel"/> when its record changes) and every reader that keeps a copy.
/// </summary>
public static class SettingsKeys
{
    public const string InvalidationChannel = "provisioning:settings-invalidated";

    /// <summary>The prefix of <see cref="ConnectionSettings"/>: readers recognise a connection's settings by it.</summary>
    public const string ConnectionSettingsPrefix = "policy:settings:";

    /// <summary>A connection's realm policy and group→role mappings.</summary>
    public static string ConnectionSettings(Guid connectionId) => ConnectionSettingsPrefix + connectionId;

    /// <summary>The credential candidates for a static token's lookup prefix.</summary>
    public static string BearerTokens(string lookup) => "policy:credentials:" + lookup;

    /// <summary>One OAuth client credential and its connection.</summary>
    public static string OAuthClient(Guid clientCredentialId) => "policy:oauth-clients:" + clientCredentialId.ToString("N");
}
