using Microsoft.Extensions.Logging.Abstractions;
using Provisioning.Gateway.Authentication;

namespace Provisioning.Tests.Unit.Gateway;

/// <summary>
/// A token naming a key the Gateway has not seen makes it fetch PolicyService's keys again, which is how a rotation
/// arrives; made-up key ids must not turn that into a flood, whether PolicyService answers or fails.
/// </summary>
public sealed class SigningKeySetTests
{
    private const string RotatedKey = """{"keys":[{"kty":"EC","use":"sig","kid":"rotated","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""";

    [Fact]
    public async Task WhilePolicyServiceFailsMadeUpKeyIdsAskForTheKeysAtMostOnceEveryTwoSeconds()
    {
        var jwks = new Jwks(HttpStatusCode.ServiceUnavailable);
        var clock = new ManualClock();
        var keys = KeysFrom(jwks, clock);

        var known = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => keys.RefreshForUnknownKeyAsync($"made-up-{i}", CancellationToken.None)));
        clock.Now += TimeSpan.FromSeconds(1.5);
        await keys.RefreshForUnknownKeyAsync("made-up-again", CancellationToken.None);
        var withinTwoSeconds = jwks.Requests;
        clock.Now += TimeSpan.FromSeconds(1);
        await keys.RefreshForUnknownKeyAsync("made-up-later", CancellationToken.None);

        Assert.All(known, Assert.False);
        Assert.Equal(1, withinTwoSeconds);
        Assert.Equal(2, jwks.Requests);
    }

    [Fact]
    public async Task ARotatedKeyIsKnownOnceFetchedAndAMadeUpOneRightAfterFetchesNothing()
    {
        var jwks = new Jwks(HttpStatusCode.OK, RotatedKey);
        var keys = KeysFrom(jwks, new ManualClock());

        Assert.True(await keys.RefreshForUnknownKeyAsync("rotated", CancellationToken.None));
        Assert.False(await keys.RefreshForUnknownKeyAsync("made-up", CancellationToken.None));
        Assert.Equal(1, jwks.Requests);
    }

    private static SigningKeySet KeysFrom(HttpMessageHandler jwks, TimeProvider clock) =>
        new(new PolicyServiceClient(new HttpClient(jwks) { BaseAddress = new Uri("http://policyservice") }), clock, NullLogger<SigningKeySet>.Instance);

    /// <summary>PolicyService's /oauth/jwks, answering each request alike and counting them.</summary>
    private sealed class Jwks(HttpStatusCode status, string body = "") : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            await Task.Yield();
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }
}
