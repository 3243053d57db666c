namespace Provisioning.Tests.Reliability.Fuzz;

/// <summary>
/// One generated request. <c>{user}</c> and <c>{group}</c> in the path and body stand for a user
/// and a group of the tenant the request is sent for, so PATCH and PUT reach real resources.
/// </summary>
public sealed record FuzzInput(string Kind, string Method, string Path, string? ContentType, string? Body, IReadOnlyList<(string Name, string Value)> Headers, bool Authorized)
{
    public bool Writes => Method is "POST" or "PUT" or "PATCH" or "DELETE" && !Path.Contains(".search", StringComparison.Ordinal);

    public override string ToString() =>
        $"{Kind}: {Method} {Path} [{ContentType}] {string.Join(' ', Headers.Select(h => $"{h.Name}: {h.Value}"))}{(Authorized ? "" : " (no token)")}\n{(Body is { Length: > 2000 } text ? text[..2000] + "…" : Body)}";
}
