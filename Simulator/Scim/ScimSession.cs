using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Simulator.Checks;
using Provisioning.Simulator.Reporting;

namespace Provisioning.Simulator.Scim;

/// <summary>
/// One IdP's connection to one SCIM base URL: it paces requests, presents the credential, waits out
/// 429s as Retry-After says, checks each answer as the IdP would and records it.
/// </summary>
public sealed class ScimSession(HttpClient http, Uri baseUrl, Credential credential, IdentityProvider idp, RequestPacer pacer,
    Recorder recorder, string tenant, TimeProvider clock)
{
    public string Tenant => tenant;

    /// <summary>Sends the request; the result carries the response and, when the IdP would refuse it, why.</summary>
    public async Task<Result> SendAsync(ScimRequest request, Check check, CancellationToken cancellationToken, string? resourceId = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await pacer.WaitAsync(cancellationToken);
            var (response, latency, retryAfter) = await ExchangeAsync(request, cancellationToken);
            if (response.Status == (int)HttpStatusCode.TooManyRequests && attempt < RetryAfter.MaxAttempts)
            {
                recorder.Add(Record(request, response, latency, retried: true, failure: null, resourceId));
                await Task.Delay(RetryAfter.Delay(retryAfter, attempt, clock.GetUtcNow()), clock, cancellationToken);
                continue;
            }
            var failure = check(response);
            var id = resourceId ?? (response.Status == 201 ? response.String("id") : null);
            recorder.Add(Record(request, response, latency, retried: false, failure, id));
            return new Result(response, failure);
        }
    }

    private async Task<(ScimResponse Response, double LatencyMs, RetryConditionHeaderValue? RetryAfter)> ExchangeAsync(
        ScimRequest request, CancellationToken cancellationToken)
    {
        var token = await credential.AccessTokenAsync(http, cancellationToken);
        using var message = new HttpRequestMessage(request.Method, new Uri(baseUrl, request.Path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Accept.ParseAdd("application/scim+json");
        idp.Decorate(message.Headers);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body.ToJsonString(), Encoding.UTF8, "application/scim+json");
        }
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(message, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer at all (refused, reset, or none within the client's timeout): status 0, and the IdP would retry later.
            var reason = e is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0} s" : e.Message;
            return (new ScimResponse(0, null, reason, null), Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        using var _ = response;
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            credential.Refused();
        }
        return (new ScimResponse((int)response.StatusCode, Parse(text), text, response.Content.Headers.ContentType?.MediaType), latency,
            response.Headers.RetryAfter);
    }

    private Exchange Record(ScimRequest request, ScimResponse response, double latency, bool retried, string? failure, string? resourceId) =>
        new(tenant, request.Step, request.Method.Method, request.Path, response.Status, latency, retried, failure,
            failure is null ? null : Checks.Checks.Excerpt(response.Text, 500), resourceId);

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The answer and, when the IdP would not accept it, why (then the conversation drops that object).</summary>
    public sealed record Result(ScimResponse Response, string? Failure)
    {
        public bool Passed => Failure is null;
    }
}
