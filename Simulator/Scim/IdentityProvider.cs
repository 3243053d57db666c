using System.Net.Http.Headers;

namespace Provisioning.Simulator.Scim;

/// <summary>Which IdP is speaking, and the headers by which a SCIM server recognises it.</summary>
public enum IdentityProvider
{
    Okta,
    Entra,
}

public static class IdentityProviderHeaders
{
    /// <summary>Okta's requests carry "User-Agent: Okta SCIM Client 1.0.0" (Okta's SCIM 2.0 reference).</summary>
    public const string OktaUserAgent = "Okta SCIM Client 1.0.0";

    public static void Decorate(this IdentityProvider idp, HttpRequestHeaders headers)
    {
        switch (idp)
        {
            case IdentityProvider.Okta:
                headers.UserAgent.ParseAdd(OktaUserAgent);
                break;
            case IdentityProvider.Entra:
                // The header the Gateway recognises Entra by (Gateway/Authentication/IdentityProviders.cs).
                headers.Add("Adscimversion", "2.0");
                headers.UserAgent.ParseAdd("Microsoft-Entra-Provisioning-Simulator/1.0");
                break;
        }
    }
}
