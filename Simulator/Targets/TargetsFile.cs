using System.Text.Json;
using Provisioning.Simulator.Scim;

namespace Provisioning.Simulator.Targets;

/// <summary>
/// Base URLs and credentials from a file, for tenants made elsewhere (the operator tool, a real deployment):
/// <c>[{"name":"acme","baseUrl":"https://…/scim/v2","token":"prv_…","idp":"okta"}, {"name":"globex","baseUrl":"…",
/// "clientId":"prvc_…","clientSecret":"prvs_…","tokenUrl":"https://…/oauth/token","idp":"entra"}]</c>.
/// </summary>
public static class TargetsFile
{
    private sealed record Entry(string? Name, string BaseUrl, string? Token, string? ClientId, string? ClientSecret, string? TokenUrl, string? Idp);

    public static async Task<IReadOnlyList<Target>> ReadAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var entries = await JsonSerializer.DeserializeAsync<List<Entry>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken)
            ?? throw new InvalidDataException($"{file} holds no targets.");
        return [.. entries.Select((e, i) =>
        {
            var credential = e.Token is not null ? new TargetCredential(e.Token)
                : e is { ClientId: not null, ClientSecret: not null, TokenUrl: not null } ? new TargetCredential(null, e.ClientId, e.ClientSecret, new Uri(e.TokenUrl))
                : throw new InvalidDataException($"Target {i + 1} in {file} needs a token, or clientId, clientSecret and tokenUrl.");
            IdentityProvider? idp = e.Idp is null ? null : Enum.Parse<IdentityProvider>(e.Idp, ignoreCase: true);
            return new Target(e.Name ?? $"target-{i + 1}", new Uri(e.BaseUrl), credential, idp);
        })];
    }
}
