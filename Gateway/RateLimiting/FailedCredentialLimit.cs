using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Provisioning.Gateway.RateLimiting;

public static class FailedCredentialLimit
{
    /// <summary>429 SCIM error with Retry-After, for an address that spent its budget of refused credentials.</summary>
    public static Task RejectAsync(HttpContext context, TimeSpan wait)
    {
        var seconds = AddressLimits.RetryAfterSeconds(wait);
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return ScimErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests,
            $"Too many requests with missing or invalid credentials from this address. Retry after {seconds} s.");
    }
}
