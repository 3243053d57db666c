namespace Provisioning.Bench.Throughput;

/// <summary>A request target: its path with query string, and a value the body may use (<c>target[3]</c> in Lua).</summary>
public sealed record Target(string Path, string? Value = null);

/// <summary>One request kind, measured through the Gateway and through nginx (and YARP alone where asked), and where there is one, its pgbench twin.</summary>
/// <param name="Targets">wrk goes round them; each is signed on its own for the direct route.</param>
/// <param name="Body">A Lua expression for the body; it may use <c>n</c> (the request's number in its thread),
/// <c>unique</c> (a name no other request uses) and <c>target[3]</c>.</param>
/// <param name="Baseline">The scenario (or "pgbench") this one is compared with, and the target ratio.</param>
/// <param name="ThroughYarpAlone">Also measured through <see cref="YarpAlone"/>, the Gateway's framework without its work.</param>
public sealed record Scenario(string Name, string Method, IReadOnlyList<Target> Targets, string? Body = null, string? PgbenchScript = null, string? Baseline = null,
    bool ThroughYarpAlone = false);
