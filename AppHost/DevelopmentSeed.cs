using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Contracts;

namespace Provisioning.AppHost;

/// <summary>
/// The demo organization: PolicyService creates it with one connection per realm and
/// accepts the token generated here for each; once the Gateway is up, the AppHost prints
/// how to call the system and writes the same to credentials.json in the data folder.
/// </summary>
public sealed class DevelopmentSeed
{
    public const string OrganizationSlug = "demo";
    public const string AdminEmail = "admin@demo.example";

    private readonly Dictionary<Realm, string> _tokens;
    private readonly string _adminPassword;
    private readonly IResourceBuilder<ProjectResource> _policyService;

    private DevelopmentSeed(Dictionary<Realm, string> tokens, string adminPassword, IResourceBuilder<ProjectResource> policyService)
    {
        _tokens = tokens;
        _adminPassword = adminPassword;
        _policyService = policyService;
    }

    public static DevelopmentSeed Configure(
        AppSecrets secrets, IResourceBuilder<ProjectResource> policyService)
    {
        var tokens = new Dictionary<Realm, string>();
        policyService.WithEnvironment("Seed__OrganizationSlug", OrganizationSlug);
        var adminPassword = secrets.Value("admin-password");
        policyService.WithEnvironment("Seed__AdminEmail", AdminEmail);
        policyService.WithEnvironment("Seed__AdminPassword", secrets.Parameter("admin-password"));
        foreach (var realm in Enum.GetValues<Realm>())
        {
            var name = $"seed-token-{realm.ToString().ToLowerInvariant()}";
            tokens[realm] = secrets.Value(name, BearerTokenFormat.Create);
            policyService.WithEnvironment($"Seed__Tokens__{realm}", secrets.Parameter(name));
        }
        return new DevelopmentSeed(tokens, adminPassword, policyService);
    }

    public void PrintWhenReady(IResourceBuilder<ProjectResource> gateway, string dataRoot)
    {
        gateway.OnResourceReady((_, _, _) =>
        {
            var gatewayUrl = GatewayPort.PublicUrl(gateway);
            var scimBaseUrl = gatewayUrl + "/scim/v2";
            var credentials = new JsonObject
            {
                ["gatewayUrl"] = gatewayUrl,
                ["scimBaseUrl"] = scimBaseUrl,
                ["adminUrl"] = gatewayUrl + "/",
                ["admin"] = new JsonObject { ["user"] = AdminEmail, ["password"] = _adminPassword },
                // The simulator's --tenants creates organizations through PolicyService's internal API (development only).
                ["policyServiceUrl"] = _policyService.GetEndpoint("http").Url,
                ["connections"] = new JsonArray(_tokens.Select(t => (JsonNode)new JsonObject
                {
                    ["realm"] = t.Key.ToString(),
                    ["baseUrl"] = scimBaseUrl,
                    ["token"] = t.Value,
                }).ToArray()),
            };
            var file = Path.Combine(dataRoot, "credentials.json");
            PrivateFiles.Write(file, credentials.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

            // Printed to the terminal on purpose (a person needs them), never through the logging pipeline.
            Console.WriteLine();
            Console.WriteLine($"  Gateway:        {gatewayUrl}");
            Console.WriteLine($"  SCIM base URL:  {scimBaseUrl}");
            Console.WriteLine($"  Admin UI:       {gatewayUrl}/  (sign in as {AdminEmail} / {_adminPassword})");
            foreach (var (realm, token) in _tokens)
            {
                Console.WriteLine($"  {realm.DisplayName(),-16} token: {token}");
            }
            Console.WriteLine($"  The same is in {file}");
            Console.WriteLine();
            return Task.CompletedTask;
        });
    }
}
