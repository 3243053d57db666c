using Aspire.Hosting.Testing;
using Npgsql;
using Provisioning.Contracts;
using Provisioning.Operator;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration;

/// <summary>
/// An organization takes an admin's access away: removing the admin, a password change or an
/// operator reset ends the sessions already open within the Admin UI's check window (2 s), and the
/// Admins page lists and removes admins of the signed-in admin's organization only.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminSessionTests(ProvisioningApp app)
{
    /// <summary>The session check's interval (2 s) and a margin for a loaded machine.</summary>
    private static readonly TimeSpan CheckWindow = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task ARemovedAdminsOpenSessionEndsAtTheirNextPage()
    {
        var admin = await app.CreateAdminAsync();
        var departing = await app.CreateAdminAsync(admin.Organization);
        using var browser = await app.SignInAsync(admin.Email, admin.Password);
        using var departed = await app.SignInAsync(departing.Email, departing.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(departed, "/"));
        var departingId = (await ListAsync(admin.Organization.Id)).Single(a => a.Email == departing.Email).Id;

        using (var removed = await browser.PostAsync($"/admins?handler=Remove&adminId={departingId}", await Admins.FormAsync(browser, "/admins", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        var page = await browser.GetStringAsync("/admins");
        Assert.Contains($"Removed {departing.Email}.", page);
        Assert.DoesNotContain($"aria-label=\"Remove {departing.Email}\"", page);
        await EndsAsync(departed, "the removed admin's session");
        using var again = app.CreateBrowserLikeClient();
        using var refused = await again.PostAsync("/sign-in", await Admins.FormAsync(again, "/sign-in", new() { ["Email"] = departing.Email, ["Password"] = departing.Password }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        using var policy = app.CreatePolicyClient();
        var audit = await policy.GetFromJsonAsync<AuditPage>(
            $"/internal/organizations/{admin.Organization.Id}/audit?action={AuditActions.AdminRemoved}");
        var entry = Assert.Single(audit!.Items);
        Assert.Equal((admin.Email, departing.Email), (entry.Actor, entry.Target));
    }

    [Fact]
    public async Task AfterAnAdminChangesTheirPasswordThatSessionGoesOnAndTheirOtherSessionEnds()
    {
        var admin = await app.CreateAdminAsync();
        using var here = await app.SignInAsync(admin.Email, admin.Password);
        using var elsewhere = await app.SignInAsync(admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(elsewhere, "/"));
        var newPassword = "new-" + Guid.NewGuid().ToString("N");

        using (var changed = await here.PostAsync("/account/password", await Admins.FormAsync(here, "/account/password", new()
        {
            ["CurrentPassword"] = admin.Password, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        // The session that made the change keeps asking first meanwhile: its answer must not vouch for the other.
        await Credentials.EventuallyAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(here, "/"));
            return await EndedAsync(elsewhere);
        }, CheckWindow, "the admin's other session sent to sign-in");
        // Past the check window, the session that made the change still opens pages.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(here, "/"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(here, "/admins"));
    }

    [Fact]
    public async Task AnOperatorResetOfAnAdminsPasswordEndsTheirOpenSessions()
    {
        var admin = await app.CreateAdminAsync();
        using var browser = await app.SignInAsync(admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(browser, "/"));

        Assert.Contains("New one-time password", await RunOperatorAsync(0, "admins", "reset-password", admin.Email));

        await EndsAsync(browser, "the session opened before the reset");
    }

    [Fact]
    public async Task TheSessionCheckEndsASessionWhoseStampIsNotTheAdminsOrIsMissing()
    {
        var admin = await app.CreateAdminAsync();
        using var policy = app.CreatePolicyClient();
        var signedIn = await Tenants.ReadAsync<SignedInAdminDto>(await policy.PostAsJsonAsync("/internal/admins/sign-in", new AdminSignInRequest(admin.Email, admin.Password)));

        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(policy, $"/internal/admins/{signedIn.AdminId}/session?stamp={signedIn.SessionStamp}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(policy, $"/internal/admins/{signedIn.AdminId}/session?stamp={Guid.NewGuid()}"));
        // A cookie from before session stamps carries none: it ends, and the admin signs in once more.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(policy, $"/internal/admins/{signedIn.AdminId}/session"));
    }

    [Fact]
    public async Task AnAdminOfOneOrganizationCannotRemoveAnotherOrganizationsAdmin()
    {
        var attacker = await app.CreateAdminAsync();
        var victim = await app.CreateAdminAsync();
        await app.CreateAdminAsync(victim.Organization);
        var victimId = (await ListAsync(victim.Organization.Id)).First(a => a.Email == victim.Email).Id;
        using var browser = await app.SignInAsync(attacker.Email, attacker.Password);

        using var throughThePage = await browser.PostAsync($"/admins?handler=Remove&adminId={victimId}", await Admins.FormAsync(browser, "/admins", []));
        using var policy = app.CreatePolicyClient();
        using var throughTheApi = await policy.DeleteAsync($"/internal/organizations/{attacker.Organization.Id}/admins/{victimId}");

        Assert.Equal(HttpStatusCode.NotFound, throughThePage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughTheApi.StatusCode);
        Assert.DoesNotContain(victim.Email, await browser.GetStringAsync("/admins"));
        Assert.Contains(await ListAsync(victim.Organization.Id), a => a.Id == victimId);
        using var stillSignsIn = await app.SignInAsync(victim.Email, victim.Password);
    }

    [Fact]
    public async Task TheLastAdminOfAnOrganizationCannotBeRemoved()
    {
        var admin = await app.CreateAdminAsync();
        var adminId = (await ListAsync(admin.Organization.Id)).Single().Id;
        using var policy = app.CreatePolicyClient();

        using var refused = await policy.DeleteAsync($"/internal/organizations/{admin.Organization.Id}/admins/{adminId}");
        var byOperator = await RunOperatorAsync(1, "admins", "remove", admin.Email);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("last admin", byOperator);
        Assert.Single(await ListAsync(admin.Organization.Id));
        using var browser = await app.SignInAsync(admin.Email, admin.Password);
        Assert.DoesNotContain("aria-label=\"Remove ", await browser.GetStringAsync("/admins"));
    }

    [Fact]
    public async Task TwoAdminsRemovingEachOtherAtOnceLeaveTheOrganizationOneAdmin()
    {
        var first = await app.CreateAdminAsync();
        await app.CreateAdminAsync(first.Organization);
        var ids = (await ListAsync(first.Organization.Id)).Select(a => a.Id).ToArray();
        using var policy = app.CreatePolicyClient();
        // Both removals start while the organization's admin rows are held here, so they meet inside the database
        // instead of one after the other: without PolicyService's own lock each would count two admins and delete.
        await using var holder = new NpgsqlConnection(await app.App.GetConnectionStringAsync("policydb"));
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT 1 FROM admin_accounts WHERE organization_id = $1 FOR UPDATE", holder, hold)
        {
            Parameters = { new() { Value = first.Organization.Id } },
        })
        {
            await lockRows.ExecuteNonQueryAsync();
        }

        var removals = ids.Select(async id =>
        {
            using var response = await policy.DeleteAsync($"/internal/organizations/{first.Organization.Id}/admins/{id}");
            return response.StatusCode;
        }).ToList();
        // Released as soon as both wait, and within PolicyService's 2 s command timeout whatever happens.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await WaitingForTheAdminRowsAsync(holder) < 2 && waited.Elapsed < TimeSpan.FromSeconds(1.2))
        {
            await Task.Delay(20);
        }
        await hold.RollbackAsync();
        var statuses = await Task.WhenAll(removals);

        Assert.Equal(new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }, statuses.Order());
        Assert.Single(await ListAsync(first.Organization.Id));
    }

    private static async Task<long> WaitingForTheAdminRowsAsync(NpgsqlConnection connection)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%admin_accounts%' AND pid <> pg_backend_pid()", connection);
        return (long)(await waiting.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task TheAdminsListShowsWhenAddedAndWhetherAOneTimePasswordIsPending()
    {
        var admin = await app.CreateAdminAsync();
        using var browser = await app.SignInAsync(admin.Email, admin.Password);
        var newEmail = $"new-{Guid.NewGuid():N}@example.com";
        using (var added = await browser.PostAsync("/admins", await Admins.FormAsync(browser, "/admins", new() { ["Email"] = newEmail })))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        var admins = await ListAsync(admin.Organization.Id);

        Assert.Equal(new[] { admin.Email, newEmail }, admins.Select(a => a.Email));
        Assert.Equal(new[] { false, true }, admins.Select(a => a.OneTimePasswordPending));
        Assert.All(admins, a => Assert.True(a.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
        var page = await browser.GetStringAsync("/admins");
        Assert.Contains("One-time password not yet changed", page);
        Assert.Contains($"aria-label=\"Remove {newEmail}\"", page);
        Assert.DoesNotContain($"aria-label=\"Remove {admin.Email}\"", page);
    }

    [Fact]
    public async Task TheOperatorRemovesAnAdminByEmailAndTheirSessionEnds()
    {
        var admin = await app.CreateAdminAsync();
        var departing = await app.CreateAdminAsync(admin.Organization);
        using var departed = await app.SignInAsync(departing.Email, departing.Password);

        Assert.Contains($"Removed {departing.Email}", await RunOperatorAsync(0, "admins", "remove", departing.Email.ToUpperInvariant()));

        await EndsAsync(departed, "the session of the admin the operator removed");
        Assert.Equal(new[] { admin.Email }, (await ListAsync(admin.Organization.Id)).Select(a => a.Email));
        Assert.Contains("No admin has this email", await RunOperatorAsync(1, "admins", "remove", departing.Email));
    }

    private async Task<AdminSummaryDto[]> ListAsync(Guid organizationId)
    {
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        return (await policy.GetFromJsonAsync<AdminSummaryDto[]>($"/internal/organizations/{organizationId}/admins"))!;
    }

    private static async Task EndsAsync(HttpClient browser, string what) =>
        await Credentials.EventuallyAsync(() => EndedAsync(browser), CheckWindow, what + " sent to sign-in");

    private static async Task<bool> EndedAsync(HttpClient browser)
    {
        using var page = await browser.GetAsync("/setup/dashboard");
        return page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.AbsolutePath == "/sign-in";
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    /// <summary>Runs the operator tool; answers what it wrote (its errors when it was refused).</summary>
    private async Task<string> RunOperatorAsync(int expectedExitCode, params string[] args)
    {
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await OperatorCommands.RunAsync(args, policy, output, error);
        Assert.True(exitCode == expectedExitCode, $"{string.Join(' ', args)} exited {exitCode}: {output}{error}");
        return output.ToString() + error;
    }
}
