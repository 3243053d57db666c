using System.Net.Http.Headers;
using System.Text;
using Provisioning.Simulator.Checks;
using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Scim;

namespace Provisioning.Tests.Unit.Simulator;

/// <summary>A 429 is waited out as Retry-After says and retried; both answers are counted.</summary>
public sealed class ScimSessionRetryTests
{
    private sealed class Answers(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answers[Math.Min(Requests.Count, answers.Length) - 1](request));
        }
    }

    private static HttpResponseMessage TooMany()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}", Encoding.UTF8, "application/scim+json") };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    }

    private static HttpResponseMessage EmptyList() => new(HttpStatusCode.OK)
    {
        Content = new StringContent("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"startIndex":1,"itemsPerPage":0,"Resources":[]}""",
            Encoding.UTF8, "application/scim+json"),
    };

    [Fact]
    public async Task A429IsRetriedAndTheRetryIsCountedApart()
    {
        var handler = new Answers(_ => TooMany(), _ => EmptyList());
        var recorder = new Recorder();
        var session = new ScimSession(new HttpClient(handler), new Uri("http://scim.test/scim/v2/"), new BearerToken("prv_x"), IdentityProvider.Okta,
            new RequestPacer(0, TimeProvider.System), recorder, "t1", TimeProvider.System);

        var result = await session.SendAsync(ScimRequest.Get("okta: find user", "Users?filter=x"), ScimChecks.FindsNothing, CancellationToken.None);

        Assert.True(result.Passed, result.Failure);
        Assert.Equal([(429, true), (200, false)], recorder.Exchanges.Select(e => (e.Status, e.Retried)));
        Assert.All(handler.Requests, r => Assert.Equal(("Bearer", "prv_x"), (r.Headers.Authorization!.Scheme, r.Headers.Authorization.Parameter)));
        Assert.Equal("http://scim.test/scim/v2/Users?filter=x", handler.Requests[0].RequestUri!.AbsoluteUri);
        Assert.Contains("Okta", handler.Requests[0].Headers.UserAgent.ToString());
    }

    [Fact]
    public void APacerSpacesRequestsAtItsRate()
    {
        var pacer = new RequestPacer(10, TimeProvider.System);

        var waits = Enumerable.Range(0, 3).Select(_ => pacer.Reserve()).ToList();

        Assert.Equal(TimeSpan.Zero, waits[0]);
        Assert.InRange(waits[2].TotalMilliseconds, 150, 200);
    }
}
