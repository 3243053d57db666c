using System.Text.Json.Nodes;
using Provisioning.Contracts;

namespace Provisioning.Simulator.Targets;

/// <summary>
/// The file <c>./run.sh</c> writes (<c>.dev/credentials.json</c>): the demo organization's SCIM base URL
/// and a bearer token per realm. It is looked for from the working directory upwards.
/// </summary>
public static class CredentialsFile
{
    public static string? Find(string? given)
    {
        if (given is not null)
        {
            return given;
        }
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".dev", "credentials.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Waits a little for the file: as an AppHost resource the simulator may start while the AppHost writes it.</summary>
    public static async Task<JsonObject> ReadAsync(string file, CancellationToken cancellationToken)
    {
        for (var waited = 0; !File.Exists(file) && waited < 60; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} does not exist. Start the system with ./run.sh first, or give --url and --token.");
        }
        return JsonNode.Parse(await File.ReadAllTextAsync(file, cancellationToken)) as JsonObject
            ?? throw new InvalidDataException($"{file} is not a JSON object.");
    }

    public static IReadOnlyList<Target> Connections(JsonObject credentials, Realm? realm) =>
        [.. (credentials["connections"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(c => realm is null || string.Equals(c["realm"]?.GetValue<string>(), realm.ToString(), StringComparison.OrdinalIgnoreCase))
            .Select(c => new Target(
                "demo/" + c["realm"]!.GetValue<string>(),
                new Uri(c["baseUrl"]!.GetValue<string>()),
                new TargetCredential(c["token"]!.GetValue<string>())))];

    /// <summary>The Gateway's address, where /oauth/token answers.</summary>
    public static Uri? GatewayUrl(JsonObject credentials) =>
        credentials["gatewayUrl"]?.GetValue<string>() is { } url ? new Uri(url) : null;

    public static Uri? PolicyServiceUrl(JsonObject credentials) =>
        credentials["policyServiceUrl"]?.GetValue<string>() is { } url ? new Uri(url) : null;
}
