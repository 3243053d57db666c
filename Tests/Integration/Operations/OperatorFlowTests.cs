using System.Text.RegularExpressions;
using Provisioning.Contracts;
using Provisioning.Operator;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Operations;

/// <summary>
/// An operator onboards a customer with the operator tool; the customer's admin does the rest in
/// the Admin UI through the Gateway; the operator switches the customer off and on again.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed partial class OperatorFlowTests(ProvisioningApp app)
{
    [Fact]
    public async Task AnOnboardedCustomersScimCallsAreRefusedWhileDisabledAndAcceptedOnceEnabledAgain()
    {
        var slug = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"it-{slug}@acme.example";
        var created = await RunAsync("organizations", "create", "--slug", slug, "--name", "Acme Inc", "--admin-email", email);
        var oneTimePassword = OneTimePassword().Match(created).Groups[1].Value;

        // The admin's first sign-in leads only to the password change.
        using var browser = app.CreateBrowserLikeClient();
        Assert.Equal("/account/password", await SignInAsync(browser, email, oneTimePassword));
        using (var blocked = await browser.GetAsync("/setup/dashboard"))
        {
            Assert.Equal("/account/password", blocked.Headers.Location?.OriginalString);
        }
        var newPassword = "correct horse " + Guid.NewGuid().ToString("N")[..8];
        using (var changed = await browser.PostAsync("/account/password", await Admins.FormAsync(browser, "/account/password", new()
        {
            ["CurrentPassword"] = oneTimePassword, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        // SCIM on, a token, and the call Okta's "Test API Credentials" makes.
        using (var enable = await browser.PostAsync("/setup/dashboard?handler=Enable", await Admins.FormAsync(browser, "/setup/dashboard", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }
        using var generated = await browser.PostAsync("/setup/dashboard?handler=Generate", await Admins.FormAsync(browser, "/setup/dashboard", []));
        var token = CreatedToken().Match(await generated.Content.ReadAsStringAsync()).Groups[1].Value;
        using var scim = app.CreateScimClient(token);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(scim));

        Assert.Contains($"Disabled {slug}", await RunAsync("organizations", "disable", slug));
        await Credentials.EventuallyAsync(async () => await StatusAsync(scim) == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(5), "SCIM refused");
        using (var refused = app.CreateBrowserLikeClient())
        {
            using var response = await refused.PostAsync("/sign-in", await Admins.FormAsync(refused, "/sign-in", new() { ["Email"] = email, ["Password"] = newPassword }));
            Assert.Contains("Your organization is disabled.", await response.Content.ReadAsStringAsync());
        }
        Assert.Contains(slug, await RunAsync("organizations", "list"));

        Assert.Contains($"Enabled {slug}", await RunAsync("organizations", "enable", slug));
        await Credentials.EventuallyAsync(async () => await StatusAsync(scim) == HttpStatusCode.OK, TimeSpan.FromSeconds(5), "SCIM accepted");
        using var again = app.CreateBrowserLikeClient();
        Assert.Equal("/", await SignInAsync(again, email, newPassword));
    }

    [Fact]
    public async Task AResetPasswordIsOneTimeAndTheOldOneStopsWorking()
    {
        var admin = await app.CreateAdminAsync();

        var reset = await RunAsync("admins", "reset-password", admin.Email);

        using var old = app.CreateBrowserLikeClient();
        using (var refused = await old.PostAsync("/sign-in", await Admins.FormAsync(old, "/sign-in", new() { ["Email"] = admin.Email, ["Password"] = admin.Password })))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }
        using var browser = app.CreateBrowserLikeClient();
        Assert.Equal("/account/password", await SignInAsync(browser, admin.Email, ResetPassword().Match(reset).Groups[1].Value));
    }

    [Theory]
    [InlineData(2, "organizations", "create", "--slug", "x")]
    [InlineData(1, "organizations", "create", "--slug", "Not A Slug", "--name", "X", "--admin-email", "a@b.example")]
    [InlineData(1, "organizations", "create", "--slug", "valid-slug-bad-email", "--name", "X", "--admin-email", "nobody")]
    [InlineData(1, "organizations", "disable", "no-such-organization")]
    [InlineData(1, "admins", "reset-password", "nobody@nowhere.example")]
    [InlineData(2, "organizations", "delete", "x")]
    public async Task BadInputGetsAClearMessageAndChangesNothing(int exitCode, params string[] args)
    {
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(exitCode, await OperatorCommands.RunAsync(args, policy, output, error));

        Assert.NotEmpty(error.ToString().Trim());
        Assert.DoesNotContain("Exception", error.ToString());
        Assert.DoesNotContain("valid-slug-bad-email", await RunAsync("organizations", "list"));
    }

    private async Task<string> RunAsync(params string[] args)
    {
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await OperatorCommands.RunAsync(args, policy, output, error);
        Assert.True(exitCode == 0, $"{string.Join(' ', args)} exited {exitCode}: {error}");
        return output.ToString();
    }

    /// <summary>Signs in through the form; answers where the Admin UI sends the admin next.</summary>
    private static async Task<string?> SignInAsync(HttpClient browser, string email, string password)
    {
        using var response = await browser.PostAsync("/sign-in", await Admins.FormAsync(browser, "/sign-in", new() { ["Email"] = email, ["Password"] = password }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)response.StatusCode}");
        return response.Headers.Location?.OriginalString;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient scim)
    {
        using var response = await scim.GetAsync("Users?startIndex=1&count=2");
        return response.StatusCode;
    }

    [GeneratedRegex(@"One-time password:\s+(\S+)")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex(@"New one-time password for \S+: (\S+)")]
    private static partial Regex ResetPassword();

    [GeneratedRegex("name=\"TestToken\" value=\"(prv_[^\"]+)\"")]
    private static partial Regex CreatedToken();
}
