using Provisioning.Simulator.Conversations;
using Provisioning.Simulator.Options;
using Provisioning.Simulator.Scim;

namespace Provisioning.Simulator.Running;

/// <summary>
/// One tenant's life: the connection test, the first sync, then churn until the run's end. Okta sends
/// each change as it happens; Entra gathers them and sends them together once per sync cycle.
/// </summary>
public sealed class TenantRun(IdpConversation conversation, SimulatorOptions options, Random random, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await conversation.ConnectAsync(cancellationToken))
        {
            return;
        }
        await conversation.InitialSyncAsync(cancellationToken);
        var plan = new ChurnPlan(conversation.Directory, random);
        if (options.Tour && plan.CanTour)
        {
            await conversation.ApplyAsync(plan.Tour(), cancellationToken);
        }
        else if (options.Tour)
        {
            Console.Error.WriteLine("The tour needs four provisioned users and two pushed groups; skipped (see the failures above).");
        }
        if (options.Duration > TimeSpan.Zero && options.Churn > 0)
        {
            await ChurnAsync(plan, cancellationToken);
        }
    }

    /// <summary>Runs until the run's cancellation: one change every 60/churn seconds, on a fixed schedule that does not drift.</summary>
    private async Task ChurnAsync(ChurnPlan plan, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMinutes(1 / options.Churn);
        var cycles = conversation.Idp == IdentityProvider.Entra;
        var nextChange = clock.GetUtcNow() + interval;
        var nextCycle = clock.GetUtcNow() + options.EntraCycle;
        var pending = new List<Change>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = cycles && nextCycle < nextChange ? nextCycle : nextChange;
            if (wake > clock.GetUtcNow())
            {
                await Task.Delay(wake - clock.GetUtcNow(), clock, cancellationToken);
            }
            if (clock.GetUtcNow() >= nextChange)
            {
                nextChange += interval;
                if (plan.Next() is { } change)
                {
                    if (cycles)
                    {
                        pending.Add(change);
                    }
                    else
                    {
                        await conversation.ApplyAsync([change], cancellationToken);
                    }
                }
            }
            if (cycles && clock.GetUtcNow() >= nextCycle)
            {
                await conversation.ApplyAsync(pending.ToList(), cancellationToken);
                pending.Clear();
                nextCycle = clock.GetUtcNow() + options.EntraCycle;
            }
        }
    }
}
