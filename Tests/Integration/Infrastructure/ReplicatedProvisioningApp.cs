namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// The whole system with two replicas of each of the four projects, as a Kubernetes deployment
/// runs it: one more app start in the suite, so its tests share it.
/// </summary>
public sealed class ReplicatedProvisioningApp : ProvisioningApp
{
    public const int ReplicasEach = 2;

    /// <summary>Twice the processes to start on the same two cores.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(8);

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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var urls = new Dictionary<string, Uri>();
        // The watch replays every instance's current state first; each replica is its own instance.
        await foreach (var update in App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (update.Resource.Name == resourceName
                && update.Snapshot.Urls.FirstOrDefault(u => u.Name == "http" && !u.IsInactive) is { } url)
            {
                urls[update.ResourceId] = new Uri(url.Url);
                if (urls.Count == ReplicasEach)
                {
                    break;
                }
            }
        }
        Assert.Equal(ReplicasEach, urls.Values.Distinct().Count());
        return [.. urls.Values];
    }
}

/// <summary>Runs alone, after the shared app's collection has stopped it: two cores do not run two systems at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicatedAppCollection : ICollectionFixture<ReplicatedProvisioningApp>
{
    public const string Name = "Replicated app";
}
