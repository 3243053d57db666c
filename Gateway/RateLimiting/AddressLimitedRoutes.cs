using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>
/// Per-address limits on the two public doors that take a secret outside SCIM: the OAuth token
/// endpoint and the Admin UI's sign-in form. A token is taken before the request goes on, so
/// parallel attempts cannot slip past; a request that succeeds (or fails on our side) gives it back.
/// </summary>
public static class AddressLimitedRoutes
{
    public static readonly PathString TokenPath = "/oauth/token";
    public static readonly PathString SignInPath = "/sign-in";

    public static IApplicationBuilder UseAddressLimitedRoutes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limits = context.RequestServices.GetRequiredService<AddressLimits>();
            var (buckets, succeeded, reject) = Route(context.Request, limits);
            if (buckets is null)
            {
                await next(context);
                return;
            }
            var address = ClientAddress.Of(context);
            if (!buckets.TryTake(address, out var wait))
            {
                var seconds = AddressLimits.RetryAfterSeconds(wait);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Observability.GatewayTelemetry.RateLimitRejected(context.Request.Path.StartsWithSegments("/oauth") ? "failed_token_requests_per_address" : "failed_sign_ins_per_address");
                context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                await reject!(context, seconds);
                return;
            }
            var keep = false;
            try
            {
                await next(context);
                keep = !succeeded!(context.Response.StatusCode);
            }
            finally
            {
                if (!keep)
                {
                    buckets.Return(address);
                }
            }
        });

    private static (AddressBuckets? Buckets, Func<int, bool>? Succeeded, Func<HttpContext, int, Task>? Reject) Route(HttpRequest request, AddressLimits limits)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return default;
        }
        if (request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            // 5xx is our fault, not the client's: only refusals count.
            return (limits.FailedTokenRequests, status => status is < 400 or >= 500, RejectTokenRequestAsync);
        }
        if (request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            // A sign-in that works redirects; a wrong password or a paused email shows the form again.
            return (limits.FailedSignIns, status => status is >= 300 and < 400 or >= 500, RejectSignInAsync);
        }
        return default;
    }

    /// <summary>An RFC 6749 §5.2 shaped error; <c>slow_down</c> is the registered code for "ask less often".</summary>
    private static Task RejectTokenRequestAsync(HttpContext context, int seconds)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            error = "slow_down",
            error_description = $"Too many refused token requests from this address. Retry after {seconds} s.",
        });
    }

    private static Task RejectSignInAsync(HttpContext context, int seconds) =>
        TypedResults.Problem(
            $"Too many failed sign-ins from this network. Try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in paused").ExecuteAsync(context);
}
