using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Observability;

/// <summary>
/// The Admin UI's own meter, read from what it exports over OTLP: its session-check cache counted in
/// <c>provisioning.cache.lookups</c> like the other services' caches, and sign-ins by outcome.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminUiTelemetryTests(ProvisioningApp app)
{
    private const string Scope = "Provisioning.AdminUi";

    private long SignIns(string outcome) =>
        OtlpMetrics.Latest(app.Telemetry, Scope, "provisioning.admin.sign_ins", ("provisioning.sign_in.outcome", outcome));

    private long SessionChecks(string result) =>
        OtlpMetrics.Latest(app.Telemetry, Scope, "provisioning.cache.lookups", ("provisioning.cache", "admin-session"), ("provisioning.cache.result", result));

    [Fact]
    public async Task SignInsByOutcomeAndTheSessionCheckCachesHitsAndMissesAreCounted()
    {
        var admin = await app.CreateAdminAsync();
        // Tests of this collection run one at a time: past one export interval (2 s under test) the counts hold everything before this test.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = (Signed: SignIns("signed_in"), Wrong: SignIns("wrong_credentials"), Hit: SessionChecks("hit"), Miss: SessionChecks("miss"));

        using (var guesser = app.CreateBrowserLikeClient())
        {
            using var refused = await guesser.PostAsync("/sign-in", await Admins.FormAsync(guesser, "/sign-in",
                new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = "not-the-password" }));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }
        using var browser = await app.SignInAsync(admin.Email, admin.Password);
        // The first page asks PolicyService whether the session may go on; the next one within the interval (2 s) does
        // not. Pages are read until both are seen exported: on a loaded machine two pages can be more than 2 s apart.
        await Credentials.EventuallyAsync(async () =>
            {
                (await browser.GetAsync("/")).Dispose();
                return SignIns("signed_in") == before.Signed + 1 && SignIns("wrong_credentials") == before.Wrong + 1
                    && SessionChecks("miss") > before.Miss && SessionChecks("hit") > before.Hit;
            },
            TimeSpan.FromSeconds(30), "the Admin UI's sign-ins and session-check look-ups in its exported metrics");
    }
}
