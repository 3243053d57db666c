using System.Diagnostics;
using Xunit.Abstractions;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

/// <summary>
/// How many database round trips a SCIM read or write costs ScimService, counted from the spans it exports:
/// Npgsql traces every command (one batch, one round trip; the transaction's BEGIN rides on the first),
/// not the COMMIT, which is one round trip more. Each request carries its own trace id, so requests of
/// tests running in parallel are never counted. Speed lives in the benchmark (docs/benchmarks.md); this
/// pins only that a read stays one statement and a write does not go back to a round trip per statement.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class RoundTripTests(ProvisioningApp app, ITestOutputHelper output)
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadingAUserWithItsGroupsAndLookingItUpByUserNameOrExternalIdTakeOneRoundTripEach()
    {
        var tenant = await CreateAccountsTenantAsync();
        var userName = Unique();
        var user = await tenant.Scim.CreateUserAsync(userName, "\"externalId\":\"ext-round-trip\"");
        var group = await tenant.Scim.CreateGroupAsync("Group " + Unique());
        (await tenant.Scim.SendScimAsync(HttpMethod.Patch, $"Groups/{group.Id()}", MemberPatch("add", $$"""[{"value":"{{user.Id()}}"}]"""))).EnsureSuccessStatusCode();

        var read = await CommandsOfAsync(tenant, HttpMethod.Get, $"Users/{user.Id()}", null, HttpStatusCode.OK);
        var lookedUp = await CommandsOfAsync(tenant, HttpMethod.Get, "Users?filter=" + Uri.EscapeDataString($"userName eq \"{userName}\""), null, HttpStatusCode.OK);
        var byExternalId = await CommandsOfAsync(tenant, HttpMethod.Get, "Users?filter=" + Uri.EscapeDataString("externalId eq \"ext-round-trip\""), null, HttpStatusCode.OK);

        Assert.True(read.Count == 1, "GET by id: " + Described(read));
        Assert.True(lookedUp.Count == 1, "userName eq: " + Described(lookedUp));
        Assert.True(byExternalId.Count == 1, "externalId eq: " + Described(byExternalId));
    }

    [Fact]
    public async Task CreatingAUserWithItsAccountTakesTwoRoundTripsBeforeTheCommit()
    {
        var tenant = await CreateAccountsTenantAsync();
        var userName = Unique();

        var commands = await CommandsOfAsync(tenant, HttpMethod.Post, "Users", UserJson(userName, "Jane Doe"), HttpStatusCode.Created);

        Assert.True(commands.Count <= 2, Described(commands));
    }

    [Fact]
    public async Task ReplacingAUserAndUpdatingItsAccountTakesThreeRoundTripsBeforeTheCommit()
    {
        var tenant = await CreateAccountsTenantAsync();
        var userName = Unique();
        var user = await tenant.Scim.CreateUserAsync(userName);

        var commands = await CommandsOfAsync(tenant, HttpMethod.Put, $"Users/{user.Id()}", UserJson(userName, "Jane Renamed"), HttpStatusCode.OK);

        Assert.True(commands.Count <= 3, Described(commands));
    }

    [Fact]
    public async Task PatchingAUserAsOktaDoesAndUpdatingItsAccountTakesThreeRoundTripsBeforeTheCommit()
    {
        var tenant = await CreateAccountsTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(Unique());

        var commands = await CommandsOfAsync(tenant, HttpMethod.Patch, $"Users/{user.Id()}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"displayName":"Jane Patched"}}]}""",
            HttpStatusCode.OK);

        Assert.True(commands.Count <= 3, Described(commands));
    }

    [Fact]
    public async Task AddingAndRemovingAGroupMemberTakesThreeRoundTripsEachBeforeTheCommit()
    {
        var tenant = await CreateAccountsTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Group " + Unique());

        var added = await CommandsOfAsync(tenant, HttpMethod.Patch, $"Groups/{group.Id()}", MemberPatch("add", $$"""[{"value":"{{user.Id()}}"}]"""), HttpStatusCode.NoContent);
        var removed = await CommandsOfAsync(tenant, HttpMethod.Patch, $"Groups/{group.Id()}", MemberPatch("remove", $$"""[{"value":"{{user.Id()}}"}]"""), HttpStatusCode.NoContent);

        Assert.True(added.Count <= 3, "add: " + Described(added));
        Assert.True(removed.Count <= 3, "remove: " + Described(removed));
        var members = await tenant.Scim.GetJsonAsync($"Groups/{group.Id()}");
        Assert.Empty(members["members"]?.AsArray() ?? []);
    }

    private async Task<Tenant> CreateAccountsTenantAsync()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Viewer));
        // The connection's settings are in ScimService's cache from here on, as they are for an IdP's steady traffic.
        await tenant.Scim.CreateUserAsync(Unique());
        return tenant;
    }

    /// <summary>Sends the request with a trace id of its own and returns the database commands ScimService ran for it.</summary>
    private async Task<IReadOnlyList<ExportedSpan>> CommandsOfAsync(Tenant tenant, HttpMethod method, string path, string? json, HttpStatusCode expected)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using (var response = await tenant.Scim.SendScimAsync(method, path, json,
            headers => headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01")))
        {
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        output.WriteLine($"{method} {path}:");
        // A service exports spans as they end; its server span ends after every command the request ran.
        var deadline = DateTime.UtcNow + ExportWait;
        while (true)
        {
            var spans = ExportedSpans.Of(app.Telemetry, traceId).Where(s => s.Service == "scimservice").ToList();
            if (spans.Any(s => s.Scope == "Microsoft.AspNetCore"))
            {
                var commands = spans.Where(s => s.Scope == "Npgsql").ToList();
                output.WriteLine(Described(commands));
                // Every write reaches the database: none seen means the spans were not read, not a free write.
                Assert.NotEmpty(commands);
                return commands;
            }
            Assert.True(DateTime.UtcNow < deadline, "ScimService exported no server span for the request.");
            await Task.Delay(200);
        }
    }

    private static string Described(IReadOnlyList<ExportedSpan> commands) =>
        $"{commands.Count} round trips: " + string.Join("", commands.Select(c => "\n  " + Shortened(c.QueryText ?? c.Name)));

    private static string Shortened(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 90 ? flat : flat[..90] + "…";
    }

    private static string UserJson(string userName, string displayName) => $$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
          "userName": "{{userName}}",
          "name": { "givenName": "Jane", "familyName": "Doe" },
          "emails": [{ "primary": true, "value": "{{userName}}", "type": "work" }],
          "displayName": "{{displayName}}",
          "active": true
        }
        """;

    private static string MemberPatch(string op, string value) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"{{op}}","path":"members","value":{{value}}}]}""";
}
