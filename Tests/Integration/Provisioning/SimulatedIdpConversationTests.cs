using Provisioning.Contracts;
using Provisioning.Simulator.Entra;
using Provisioning.Simulator.Okta;
using Provisioning.Simulator.Options;
using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Targets;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>
/// The simulator's short Okta and Entra conversations (connection test, first sync, every kind of change
/// once) through the real Gateway: every answer is one the IdP accepts, and the provisioning log has an
/// entry per change with the action the connection's policy calls for.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SimulatedIdpConversationTests(ProvisioningApp app)
{
    private static readonly SimulatorOptions ShortConversation = new() { Users = 5, Groups = 2, Tour = true, Rate = 0, Seed = 13 };

    [Fact]
    public async Task AnOktaConversationIsAcceptedAndLogsEachChangeWithItsAction()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);

        var exchanges = await ConverseAsync(IdpChoice.Okta, new TargetCredential(tenant.Token.Token));

        await AssertLoggedAsync(tenant, exchanges,
            created: [OktaSteps.CreateUser, OktaSteps.Reactivate],
            removed: [OktaSteps.Deactivate, OktaSteps.Unassign],
            updated: [OktaSteps.PushProfile]);
    }

    [Fact]
    public async Task AnEntraConversationWithOAuthClientCredentialsIsAcceptedAndLogsEachChangeWithItsAction()
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        var exchanges = await ConverseAsync(IdpChoice.Entra,
            new TargetCredential(null, client.ClientId, client.ClientSecret, new Uri(app.GatewayUrl, "/oauth/token")));

        await AssertLoggedAsync(tenant, exchanges,
            created: [EntraSteps.CreateUser, EntraSteps.EnableUser],
            removed: [EntraSteps.DisableUser],
            updated: [EntraSteps.UpdateUser]);
        Assert.Contains(exchanges, e => e.Step == EntraSteps.DeleteUser && e.Status == 204);
    }

    private async Task<IReadOnlyList<Exchange>> ConverseAsync(IdpChoice idp, TargetCredential credential)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var recorder = new Recorder();
        var target = new Target("test", new Uri(app.GatewayUrl, "/scim/v2"), credential);
        var options = ShortConversation with { Idp = idp };
        var random = new Random(options.Seed);
        var conversation = Simulation.Converse(options, target, 0, http, recorder, random, TimeProvider.System);

        await new TenantRun(conversation, options, random, TimeProvider.System).RunAsync(CancellationToken.None);

        var summary = RunSummary.From(recorder.Exchanges, 1, TimeSpan.FromSeconds(1));
        Assert.True(summary.Succeeded, string.Join("\n", summary.Errors.Select(e => $"{e.Step} -> {e.Status}: {e.Reason} {e.Examples[0].Response}")));
        Assert.Equal(options.Users + 1, recorder.Exchanges.Count(e => e.Status == 201 && e.Path == "Users"));
        return recorder.Exchanges;
    }

    /// <summary>
    /// Every write that changed something has its ScimChange entry (same method, same user or group), and the
    /// realm actions match the steps: accounts created on create and reactivation, removed on deactivation.
    /// </summary>
    private async Task AssertLoggedAsync(Tenant tenant, IReadOnlyList<Exchange> exchanges, string[] created, string[] removed, string[] updated)
    {
        var log = await app.LogAsync(tenant);
        var writes = exchanges.Where(e => e.Method != "GET" && e.Status is >= 200 and < 300 && e.Step != OktaSteps.SyncGroupName).ToList();
        foreach (var write in writes.GroupBy(w => (w.Method, w.ResourceId)))
        {
            var entries = log.Count(e => e.Action == "ScimChange" && e.Operation.StartsWith(write.Key.Method + " /", StringComparison.Ordinal)
                && (e.ScimUserId?.ToString() ?? e.ScimGroupId?.ToString()) == write.Key.ResourceId);
            Assert.True(entries == write.Count(), $"{write.Count()} x {write.Key.Method} of {write.Key.ResourceId} ({write.First().Step}) but {entries} log entries");
        }
        AssertActions(log, exchanges, created, "AccountCreated");
        AssertActions(log, exchanges, removed, "AccountRemoved");
        AssertActions(log, exchanges, updated, "AccountUpdated");
    }

    private static void AssertActions(List<ProvisioningLogEntryDto> log, IReadOnlyList<Exchange> exchanges, string[] steps, string action)
    {
        var expected = exchanges.Where(e => steps.Contains(e.Step) && e.Status is >= 200 and < 300).ToList();
        Assert.NotEmpty(expected);
        foreach (var user in expected.GroupBy(e => e.ResourceId))
        {
            var logged = log.Count(e => e.Action == action && e.ScimUserId?.ToString() == user.Key);
            Assert.True(logged == user.Count(), $"{string.Join(", ", user.Select(e => e.Step))} for {user.Key}: {logged} {action} entries");
        }
    }
}
