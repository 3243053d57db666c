using Provisioning.Simulator.Conversations;
using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Entra;
using Provisioning.Simulator.Okta;
using Provisioning.Simulator.Options;
using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Scim;
using Provisioning.Simulator.Targets;

namespace Provisioning.Simulator.Running;

/// <summary>Runs every target as its own IdP tenant, all at once, until each is done or the duration ends.</summary>
public static class Simulation
{
    public static async Task RunAsync(SimulatorOptions options, IReadOnlyList<Target> targets, HttpClient http, Recorder recorder, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Duration > TimeSpan.Zero)
        {
            deadline.CancelAfter(options.Duration);
        }
        await Task.WhenAll(targets.Select(async (target, i) =>
        {
            var random = new Random(options.Seed + i);
            var conversation = Converse(options, target, i, http, recorder, random, clock);
            try
            {
                await new TenantRun(conversation, options, random, clock).RunAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // The run's time is up; a request cut off mid-flight is not counted.
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"{target.Name}: the SCIM server could not be reached ({e.Message}); this tenant stops.");
            }
        }));
    }

    public static IdpConversation Converse(SimulatorOptions options, Target target, int index, HttpClient http, Recorder recorder, Random random, TimeProvider clock)
    {
        var idp = target.Idp ?? options.Idp switch
        {
            IdpChoice.Entra => IdentityProvider.Entra,
            IdpChoice.Mixed when index % 2 == 1 => IdentityProvider.Entra,
            _ => IdentityProvider.Okta,
        };
        var tag = random.Next(0x1000, 0xFFFF).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
        var directory = new IdpDirectory(tag, options.Users, options.Groups, idp == IdentityProvider.Okta ? "okta.example" : "entra.example");
        var session = new ScimSession(http, target.ScimBase, target.Credential.Create(clock), idp, new RequestPacer(options.Rate, clock), recorder, target.Name, clock);
        return idp == IdentityProvider.Okta
            ? new OktaConversation(session, directory)
            : new EntraConversation(session, directory, index / 2 % 2 == 1 ? EntraMatching.ExternalId : EntraMatching.UserName);
    }
}
