using Microsoft.AspNetCore.Mvc;
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
public sealed class IndexModel(
    PolicyServiceClient policyService, DirectoryClient directory, RealmsClient realmsClient, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    public const int ErrorsShown = 5;

    public IReadOnlyList<RealmOverview> Realms { get; private set; } = [];

    /// <summary>The chart's range: 24h (hourly bars) or 7d (daily bars).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Range { get; set; }

    public ProvisioningActivityDto? Activity { get; private set; }
    public ProvisioningLogPage? Errors { get; private set; }

    /// <summary>Attributes IdPs sent in the last 7 days that their connection does not declare (not kept).</summary>
    public IReadOnlyList<UndeclaredAttributeSeenDto> NotKept { get; private set; } = [];

    public IReadOnlyList<UndeclaredAttributeSeenDto> NotKeptIn(Realm realm) => NotKept.Where(a => a.Realm == realm).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Range = Range == "7d" ? "7d" : "24h";
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
        if (!directoryDown)
        {
            try
            {
                var organizationId = User.OrganizationIdOf();
                Activity = await realmsClient.GetActivityAsync(organizationId, Range, cancellationToken);
                Errors = await realmsClient.GetLogAsync(organizationId,
                    new LogQuery(null, null, null, "Failed", null, null, 1, ErrorsShown), cancellationToken);
                NotKept = await realmsClient.GetUndeclaredAttributesAsync(organizationId, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
            {
                logger.LogWarning(e, "ScimService could not be reached for the overview's activity.");
                directoryDown = true;
            }
        }
        if (directoryDown)
        {
            ViewData["Banner"] = "The directory service (ScimService) cannot be reached right now: user and group counts and provisioning activity are missing. Settings still work.";
        }
        Realms = realms;
    }
}
