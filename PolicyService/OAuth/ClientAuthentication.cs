using System.Text;

namespace Provisioning.PolicyService.OAuth;

/// <summary>
/// How a token request authenticated its client (RFC 6749 §2.3.1): HTTP Basic with the
/// form-urlencoded id and secret, or <c>client_id</c>/<c>client_secret</c> in the body — one, not both.
/// </summary>
public sealed record ClientAuthentication(string ClientId, string ClientSecret, bool UsedBasic)
{
    /// <summary>The presented client, or the error to answer with.</summary>
    public static (ClientAuthentication? Client, OAuthError? Error, bool UsedBasic) Read(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        var formId = Single(form, "client_id");
        var formSecret = Single(form, "client_secret");
        if (header.Length > 0)
        {
            if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || !TryDecodeBasic(header["Basic ".Length..].Trim(), out var id, out var secret))
            {
                return (null, OAuthError.InvalidClient("The Authorization header must be HTTP Basic with the client id and secret."), true);
            }
            if (formSecret is not null || (formId is not null && formId != id))
            {
                return (null, OAuthError.InvalidRequest("Authenticate the client by one method only: HTTP Basic or the form fields."), true);
            }
            return (new ClientAuthentication(id, secret, UsedBasic: true), null, true);
        }
        if (string.IsNullOrEmpty(formId) || string.IsNullOrEmpty(formSecret))
        {
            // No client authentication at all: RFC 6749 §5.2 calls that invalid_client, and a Basic challenge tells how.
            return (null, OAuthError.InvalidClient("Client authentication is required: HTTP Basic, or client_id and client_secret in the body."), true);
        }
        return (new ClientAuthentication(formId, formSecret, UsedBasic: false), null, false);
    }

    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static bool TryDecodeBasic(string encoded, out string id, out string secret)
    {
        id = secret = "";
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }
            id = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
            return id.Length > 0 && secret.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>RFC 6749 §3.2: a parameter sent more than once makes the request invalid.</summary>
    public static string? RepeatedParameter(IFormCollection form) =>
        form.FirstOrDefault(p => p.Value.Count > 1).Key;
}
