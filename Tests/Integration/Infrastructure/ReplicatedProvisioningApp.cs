using Aspire.Hosting.ApplicationModel;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// The whole system with two replicas of each of the four projects, as a Kubernetes deployment
/// runs it: one more app start in the suite, so its tests share it.
/// </summary>
public sealed class ReplicatedProvisioningApp : ProvisioningApp
{
    public const int ReplicasEach = 2;

    /// <summary>Twice the processes to start on the same two cores.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(12);

    protected override IEnumerable<string> ExtraArguments =>
    [
        $"Gateway:Replicas={ReplicasEach}",
        $"Scim:Replicas={ReplicasEach}",
        $"Policy:Replicas={ReplicasEach}",
        $"AdminUi:Replicas={ReplicasEach}",
    ];

    /// <summary>
    /// Each replica's own address, past the orchestrator's balancing proxy, so a test can choose
    /// which replica a request lands on.
    /// </summary>
    public async Task<IReadOnlyList<Uri>> ReplicaUrlsAsync(string resourceName)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var instances = new Dictionary<string, CustomResourceSnapshot>();
        try
        {
            // The watch replays every instance's current state first; each replica is its own instance.
            await foreach (var update in App.ResourceNotifications.WatchAsync(timeout.Token))
            {
                if (update.Resource.Name != resourceName)
                {
                    continue;
                }
                instances[update.ResourceId] = update.Snapshot;
                // Healthy, each of them: the app counts as started once the resource is, which one
                // listening replica can make it while the other is still starting.
                if (OwnAddresses(instances) is { Count: ReplicasEach } addresses
                    && instances.Values.All(i => i.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy))
                {
                    return addresses;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        throw new InvalidOperationException($"No address of its own for each {resourceName} replica: " + string.Join("; ",
            instances.Select(i => $"{i.Key} ({i.Value.HealthStatus}): {string.Join(", ", Candidates(i.Value))}")));
    }

    /// <summary>For each instance, an http address no other instance shows: its own port, not the shared proxy's.</summary>
    private static List<Uri>? OwnAddresses(Dictionary<string, CustomResourceSnapshot> instances)
    {
        var candidates = instances.Values.Select(Candidates).ToList();
        var own = candidates
            .Select(mine => mine.FirstOrDefault(url => candidates.Count(theirs => theirs.Contains(url)) == 1))
            .ToList();
        return own.All(url => url is not null) ? own.Select(url => new Uri(url!)).ToList() : null;
    }

    private static List<string> Candidates(CustomResourceSnapshot snapshot) =>
        snapshot.Urls.Where(u => !u.IsInactive).Select(u => u.Url)
            .Concat(snapshot.EnvironmentVariables.Where(e => e.Name == "ASPNETCORE_URLS" && e.Value is not null)
                .SelectMany(e => e.Value!.Split(';')))
            .Where(url => url.StartsWith("http://", StringComparison.Ordinal))
            .Select(url => url.TrimEnd('/'))
            .Distinct().ToList();
}

/// <summary>Runs alone, after the shared app's collection has stopped it: two cores do not run two systems at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicatedAppCollection : ICollectionFixture<ReplicatedProvisioningApp>
{
    public const string Name = "Replicated app";
}
