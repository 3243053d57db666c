using Provisioning.Contracts;

namespace Provisioning.Simulator.Options;

public enum IdpChoice
{
    Okta,
    Entra,
    Mixed,
}

public enum AuthChoice
{
    Bearer,
    OAuth,
}

/// <summary>What to simulate, where, and for how long. See <see cref="CommandLine.Usage"/>.</summary>
public sealed record SimulatorOptions
{
    public IdpChoice Idp { get; init; } = IdpChoice.Okta;
    public int Users { get; init; } = 20;
    public int Groups { get; init; } = 3;

    /// <summary>Changes per minute per tenant once the first sync is done (updates, deactivations, moves, leavers).</summary>
    public double Churn { get; init; } = 30;

    /// <summary>Requests per second per tenant at most; 0 sends as fast as the answers come.</summary>
    public double Rate { get; init; } = 20;

    /// <summary>How long each tenant runs, first sync included; zero: the first sync only.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Entra's pause between incremental cycles (40 minutes in Entra itself).</summary>
    public TimeSpan EntraCycle { get; init; } = TimeSpan.FromMinutes(40);

    /// <summary>After the first sync, send every kind of change once (a short conversation that shows them all).</summary>
    public bool Tour { get; init; }

    public int? Tenants { get; init; }
    public string? TargetsFile { get; init; }
    public string? CredentialsFile { get; init; }
    public Realm? Realm { get; init; }
    public Uri? Url { get; init; }
    public string? Token { get; init; }
    public AuthChoice Auth { get; init; } = AuthChoice.Bearer;
    public string? JsonFile { get; init; }
    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>Where PolicyService's internal API answers, for --tenants (else credentials.json says).</summary>
    public Uri? PolicyServiceUrl { get; init; }
}
