using System.Diagnostics;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Reliability;

/// <summary>
/// Ten minutes of steady mixed load (Okta's lookup-then-create, profile pushes, deactivations,
/// group pushes, Entra's group reads) through the Gateway. After a warm-up, every service's
/// resident memory must stay within 10% of where it stood: no leak grows with traffic.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SoakTests(ProvisioningApp app)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(10);
    private static readonly string[] Services = ["gateway", "scimservice", "policyservice", "adminui"];

    [FullReliabilityFact]
    public async Task TenMinutesOfMixedLoadKeepEveryServicesMemoryWithinTenPercent()
    {
        var tenants = new List<Tenant>();
        for (var i = 0; i < 4; i++)
        {
            tenants.Add(await app.CreateTenantAsync());
        }
        using var stop = new CancellationTokenSource();
        var requests = 0L;
        var failures = 0L;
        var clients = tenants.Select(t => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var ok = await MixedRoundAsync(t);
                Interlocked.Add(ref requests, 7);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        await Task.Delay(WarmUp);
        var baseline = await ResidentAsync();
        var peak = baseline.ToDictionary(p => p.Key, p => p.Value);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
            foreach (var (service, bytes) in await ResidentAsync())
            {
                peak[service] = Math.Max(peak.GetValueOrDefault(service), bytes);
            }
        }
        var end = await ResidentAsync();
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        ReliabilityRun.Record($"Soak {Duration.TotalMinutes:0} min after {WarmUp.TotalMinutes:0} min warm-up: {requests:N0} requests, {failures} failed rounds; RSS MiB (after warm-up → peak → end): "
            + string.Join(", ", baseline.Select(b => $"{b.Key} {Mib(b.Value)} → {Mib(peak[b.Key])} → {Mib(end.GetValueOrDefault(b.Key))} ({(end.GetValueOrDefault(b.Key) - b.Value) * 100.0 / b.Value:+0.0;-0.0}%)")));
        Assert.Equal(0, failures);
        foreach (var (service, bytes) in baseline)
        {
            Assert.True(end[service] <= bytes * 1.10, $"{service} grew from {Mib(bytes)} to {Mib(end[service])} MiB");
        }
    }

    /// <summary>One round of what IdPs do; false when any answer was not the expected success.</summary>
    private static async Task<bool> MixedRoundAsync(Tenant tenant)
    {
        try
        {
            var userName = Unique("soak");
            using var lookup = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}");
            var user = await tenant.Scim.CreateUserAsync(userName);
            using var put = await tenant.Scim.PutScimAsync($"Users/{user.Id()}", $$"""{"userName":"{{userName}}","displayName":"Soak User","active":true}""");
            var group = await tenant.Scim.CreateGroupAsync(Unique("soak-group"), user.Id());
            using var deactivate = await tenant.Scim.PatchScimAsync($"Users/{user.Id()}",
                """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
            using var entra = await tenant.Scim.GetAsync("Groups?excludedAttributes=members&count=50");
            using var delete = await tenant.Scim.DeleteAsync($"Groups/{group.Id()}");
            return lookup.IsSuccessStatusCode && put.IsSuccessStatusCode && deactivate.IsSuccessStatusCode && entra.IsSuccessStatusCode && delete.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    private async Task<Dictionary<string, long>> ResidentAsync()
    {
        var resident = new Dictionary<string, long>();
        foreach (var service in Services)
        {
            foreach (var (resourceId, pid) in await LocalProcesses.OfAsync(app.App, service))
            {
                resident[resourceId] = LocalProcesses.ResidentBytes(pid);
            }
        }
        return resident;
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
