namespace Provisioning.Simulator.Reporting;

/// <summary>
/// One request and its answer as the summary counts it. A 429 that was retried is its own exchange
/// (<see cref="Retried"/>), so the table shows how often the IdP had to slow down.
/// </summary>
public sealed record Exchange(
    string Tenant,
    string Step,
    string Method,
    string Path,
    int Status,
    double LatencyMs,
    bool Retried,
    string? Failure,
    string? Response,
    string? ResourceId);
