namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// The whole system with the Aspire dashboard running and receiving every service's telemetry, as
/// <c>./run.sh</c> starts it: one more app start in the suite, for the dashboard's screenshots.
/// </summary>
public sealed class DashboardProvisioningApp : ProvisioningApp
{
    protected override bool ShowsDashboard => true;
}

/// <summary>Runs alone, after the shared app's collection has stopped it: two cores do not run two systems at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardAppCollection : ICollectionFixture<DashboardProvisioningApp>, ICollectionFixture<Browser.Chromium>
{
    public const string Name = "Dashboard app";
}
