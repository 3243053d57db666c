using System.Collections;

namespace Provisioning.Gateway.Observability;

/// <summary>
/// The one log scope of a SCIM request: the IdP that sent it and, once its credential is accepted, the
/// connection and credential it speaks for. One small object per request, opened once, where each step
/// used to open a scope of its own with a dictionary. Ids and names of ours only, never a header value.
/// </summary>
public sealed class ScimLogScope(string identityProvider) : IReadOnlyList<KeyValuePair<string, object>>
{
    private Guid _connectionId;
    private Guid _credentialId;

    public bool HasCredential { get; private set; }

    public Guid ConnectionId => _connectionId;

    /// <summary>From here on the request's log lines name the connection and credential.</summary>
    public void Authenticated(Guid connectionId, Guid credentialId)
    {
        _connectionId = connectionId;
        _credentialId = credentialId;
        HasCredential = true;
    }

    public int Count => HasCredential ? 3 : 1;

    public KeyValuePair<string, object> this[int index] => index switch
    {
        0 => new("IdentityProvider", identityProvider),
        1 when HasCredential => new("ConnectionId", _connectionId),
        2 when HasCredential => new("CredentialId", _credentialId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => HasCredential
        ? $"IdentityProvider:{identityProvider} ConnectionId:{_connectionId} CredentialId:{_credentialId}"
        : $"IdentityProvider:{identityProvider}";
}
