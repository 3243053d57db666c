using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Reliability;

/// <summary>
/// With two ScimService replicas (<c>Scim:Replicas=2</c>), one killed under write load: the other
/// keeps answering. A system of its own, since the shared one runs a single replica; in the shared
/// collection all the same, so that the two never start at once.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class ReplicaFaultTests
{
    [FullReliabilityFact]
    public async Task OneOfTwoScimServiceReplicasKilledLosesNoWriteAndTheOtherAnswers()
    {
        var app = ProvisioningApp.With("Scim:Replicas=2");
        try
        {
            await app.InitializeAsync();
            await FaultRun.UnderWriteLoadAsync(app, "One of two ScimService replicas killed", async load =>
            {
                var replicas = await LocalProcesses.OfAsync(app.App, "scimservice");
                Assert.Equal(2, replicas.Count);
                LocalProcesses.Kill(replicas[0].Pid);
                // Nothing comes back: the other replica is the redundancy, so recovery counts from the kill.
                return load.Now;
            });
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
