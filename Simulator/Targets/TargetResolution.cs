using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.Simulator.Options;

namespace Provisioning.Simulator.Targets;

/// <summary>
/// Where to send traffic, from the options: a targets file, N new development tenants, one URL and
/// token, or the demo organization's connections in <c>.dev/credentials.json</c>.
/// </summary>
public static class TargetResolution
{
    public static async Task<IReadOnlyList<Target>> ResolveAsync(SimulatorOptions options, HttpClient http, CancellationToken cancellationToken)
    {
        if (options.TargetsFile is not null)
        {
            return await TargetsFile.ReadAsync(options.TargetsFile, cancellationToken);
        }
        if (options.Url is not null && options.Tenants is null)
        {
            return [new Target(options.Url.Authority, options.Url, new TargetCredential(options.Token))];
        }
        var file = CredentialsFile.Find(options.CredentialsFile);
        var credentials = file is null ? null : await CredentialsFile.ReadAsync(file, cancellationToken);
        if (options.Tenants is { } count)
        {
            return await CreateTenantsAsync(options, count, credentials, file, http, cancellationToken);
        }
        if (credentials is null)
        {
            throw new InvalidOperationException("No .dev/credentials.json found. Start the system with ./run.sh first, or give --url and --token, --targets or --tenants.");
        }
        var targets = CredentialsFile.Connections(credentials, options.Realm);
        return targets.Count > 0 ? targets : throw new InvalidOperationException($"{file} has no connection for realm {options.Realm}.");
    }

    /// <summary>
    /// PolicyService's address comes from the AppHost when the simulator runs as its resource
    /// (service discovery), else from credentials.json; the keys from the development secrets beside it.
    /// </summary>
    private static async Task<IReadOnlyList<Target>> CreateTenantsAsync(SimulatorOptions options, int count, JsonObject? credentials, string? file,
        HttpClient http, CancellationToken cancellationToken)
    {
        var policyUrl = options.PolicyServiceUrl
            ?? Discovered("policyservice")
            ?? (credentials is null ? null : CredentialsFile.PolicyServiceUrl(credentials))
            ?? throw new InvalidOperationException("--tenants needs PolicyService's address: --policy-url, or a credentials.json written by ./run.sh.");
        var gatewayUrl = options.Url
            ?? Discovered("gateway")
            ?? (credentials is null ? null : CredentialsFile.GatewayUrl(credentials))
            ?? throw new InvalidOperationException("--tenants needs the Gateway's address: --url, or a credentials.json written by ./run.sh.");
        var operatorKey = await DevelopmentKeyAsync("operator-api-key", file, cancellationToken);
        var adminKey = await DevelopmentKeyAsync("adminui-api-key", file, cancellationToken);
        using var asOperator = new HttpClient { BaseAddress = policyUrl, Timeout = http.Timeout };
        asOperator.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, operatorKey);
        using var asAdmin = new HttpClient { BaseAddress = policyUrl, Timeout = http.Timeout };
        asAdmin.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, adminKey);
        Console.WriteLine($"Creating {count} organization(s) with a connection each through PolicyService ({policyUrl})…");
        return await new DevelopmentTenants(asOperator, asAdmin, gatewayUrl).CreateAsync(count, options.Auth, options.Rate, cancellationToken);
    }

    /// <summary>Aspire's service discovery variable for a referenced resource, e.g. services__gateway__http__0.</summary>
    private static Uri? Discovered(string resource) =>
        Environment.GetEnvironmentVariable($"services__{resource}__http__0") is { Length: > 0 } url ? new Uri(url) : null;

    /// <summary>
    /// A development key by its AppHost parameter name: from the environment (<c>Parameters__operator-api-key</c>)
    /// or from the secrets ./run.sh generated beside credentials.json.
    /// </summary>
    private static async Task<string> DevelopmentKeyAsync(string parameter, string? credentialsFile, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("Parameters__" + parameter) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        var secrets = credentialsFile is null ? null : Path.Combine(Path.GetDirectoryName(credentialsFile)!, "secrets.json");
        var key = secrets is not null && File.Exists(secrets)
            ? JsonNode.Parse(await File.ReadAllTextAsync(secrets, cancellationToken))?[parameter]?.GetValue<string>()
            : null;
        return key ?? throw new InvalidOperationException(
            $"--tenants needs the development key '{parameter}': set Parameters__{parameter}, or run beside the .dev folder ./run.sh made.");
    }
}
