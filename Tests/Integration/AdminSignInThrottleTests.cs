using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration;

/// <summary>Password guessing against an admin email is paused after a few failures.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminSignInThrottleTests(ProvisioningApp app)
{
    private static async Task<HttpStatusCode> SignInAsync(HttpClient policy, string email, string password)
    {
        using var response = await policy.PostAsJsonAsync("/internal/admins/sign-in", new AdminSignInRequest(email, password));
        return response.StatusCode;
    }

    [Fact]
    public async Task AfterFiveWrongPasswordsEvenTheRightOneIsPausedWhileAnotherAdminSignsIn()
    {
        var guessed = await app.CreateAdminAsync();
        var other = await app.CreateAdminAsync();
        using var policy = app.CreatePolicyClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(policy, guessed.Email, "wrong-" + i));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(policy, guessed.Email, guessed.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(policy, guessed.Email.ToUpperInvariant(), guessed.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(policy, other.Email, other.Password));
    }

    [Fact]
    public async Task ThePausedSignInPageSaysWhyWithoutSayingWhetherTheAccountExists()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        using var policy = app.CreatePolicyClient();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(policy, unknown, "guess-" + i);
        }
        using var browser = app.CreateBrowserLikeClient();

        using var response = await browser.PostAsync("/sign-in", await Admins.FormAsync(browser, "/sign-in",
            new Dictionary<string, string> { ["Email"] = unknown, ["Password"] = "another-guess" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Too many failed sign-ins for this email", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoHundredParallelGuessesGetExactlyFivePasswordChecks()
    {
        var admin = await app.CreateAdminAsync();
        using var policy = app.CreatePolicyClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => SignInAsync(policy, admin.Email, "guess-" + i)));

        // 401 means the password was checked and was wrong; 429 means it was never checked.
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(195, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(policy, admin.Email, admin.Password));
    }
}
