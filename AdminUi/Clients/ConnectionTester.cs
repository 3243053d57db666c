using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.AdminUi.Clients;

public sealed record ConnectionTestResult(string Url, int? Status, string Summary, string? Body, TimeSpan Elapsed)
{
    public bool Succeeded => Status == 200;
}

/// <summary>
/// Makes the call Okta's "Test API Credentials" (and Entra's "Test Connection") makes:
/// GET {gateway}/scim/v2/Users?startIndex=1&amp;count=2 with the token, through the Gateway.
/// </summary>
public sealed class ConnectionTester(HttpClient http, ILogger<ConnectionTester> logger)
{
    private const int BodyLimit = 4000;

    public async Task<ConnectionTestResult> TestAsync(string gatewayUrl, string token, CancellationToken cancellationToken)
    {
        var url = gatewayUrl.TrimEnd('/') + "/scim/v2/Users?startIndex=1&count=2";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        request.Headers.Accept.ParseAdd("application/scim+json");
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            return new ConnectionTestResult(url, status, Summarize(status, text), Pretty(text), clock.Elapsed);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "Test connection could not reach the gateway at {Url}.", url);
            return new ConnectionTestResult(url, null, "The gateway could not be reached from the Admin UI.", null, clock.Elapsed);
        }
    }

    private static string Summarize(int status, string body) => status switch
    {
        200 => TotalResults(body) is { } total
            ? $"Success: the SCIM endpoint answered with a ListResponse ({total} user{(total == 1 ? "" : "s")} in this connection)."
            : "The SCIM endpoint answered 200, but not with a ListResponse.",
        401 => "Refused: the token is unknown, revoked or expired.",
        403 => "Refused: SCIM is turned off for this realm.",
        429 => "Refused for now: too many requests with this token. Wait and try again.",
        _ => $"The SCIM endpoint answered {status}.",
    };

    private static int? TotalResults(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["totalResults"]?.GetValue<int>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Pretty(string body)
    {
        try
        {
            body = JsonNode.Parse(body)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? body;
        }
        catch (JsonException)
        {
            // Shown as it came.
        }
        return body.Length > BodyLimit ? body[..BodyLimit] + "\n…" : body;
    }
}
