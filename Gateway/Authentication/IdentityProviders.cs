namespace Provisioning.Gateway.Authentication;

/// <summary>Tells which IdP sent a request, for the provisioning log and the dashboards.</summary>
public static class IdentityProviders
{
    public const string Okta = "okta";
    public const string Entra = "entra";
    public const string Other = "other";

    public static string Recognize(HttpRequest request)
    {
        if (request.Headers.ContainsKey("Adscimversion"))
        {
            return Entra;
        }
        var userAgent = request.Headers.UserAgent.ToString();
        if (userAgent.Contains("Okta", StringComparison.OrdinalIgnoreCase))
        {
            return Okta;
        }
        if (userAgent.Contains("Azure", StringComparison.OrdinalIgnoreCase) || userAgent.Contains("Microsoft", StringComparison.OrdinalIgnoreCase))
        {
            return Entra;
        }
        return Other;
    }
}
