using Microsoft.AspNetCore.Mvc.RazorPages;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages;

public sealed record RealmOverview(
    Realm Realm, ConnectionDto? Connection, int ActiveTokens, DateTimeOffset? LastTokenUse, DirectoryCountsDto? Counts)
{
    public bool ScimOn => Connection?.Enabled == true;
}

/// <summary>Per realm: whether SCIM is on, when a token was last used, and what the IdP has pushed.</summary>
public sealed class IndexModel(PolicyServiceClient policyService, DirectoryClient directory, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<RealmOverview> Realms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var connections = await policyService.GetConnectionsAsync(User.OrganizationIdOf(), cancellationToken);
        var now = clock.GetUtcNow();
        var directoryDown = false;
        var realms = new List<RealmOverview>();
        foreach (var realm in Enum.GetValues<Realm>())
        {
            var connection = connections.FirstOrDefault(c => c.Realm == realm);
            if (connection is null)
            {
                realms.Add(new RealmOverview(realm, null, 0, null, null));
                continue;
            }
            var tokens = await policyService.GetTokensAsync(connection.Id, cancellationToken);
            DirectoryCountsDto? counts = null;
            if (!directoryDown)
            {
                try
                {
                    counts = await directory.GetCountsAsync(connection.Id, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
                {
                    // The overview still shows the settings; the counts wait for the directory service.
                    logger.LogWarning(e, "ScimService could not be reached for the overview.");
                    directoryDown = true;
                }
            }
            realms.Add(new RealmOverview(realm, connection,
                tokens.Count(t => t.RevokedAt is null && (t.ExpiresAt is null || t.ExpiresAt > now)),
                tokens.Max(t => t.LastUsedAt), counts));
        }
        if (directoryDown)
        {
            ViewData["Banner"] = "The directory service (ScimService) cannot be reached right now: user and group counts are missing. Settings still work.";
        }
        Realms = realms;
    }
}
