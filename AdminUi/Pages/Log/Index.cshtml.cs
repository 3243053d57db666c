using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.AdminUi.Pages.Directory;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Log;

/// <summary>The organization's provisioning log, newest first, filtered by realm, user, action, outcome and time.</summary>
public sealed class IndexModel(PolicyServiceClient policyService, DirectoryClient directory, RealmsClient realms, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public static readonly string[] Actions =
    [
        "ScimChange", "SettingsChange", "AccountCreated", "AccountLinked", "AccountUpdated", "AccountRemoved", "RoleChanged",
        "DevicesUnassigned", "DevicesMoved", "DevicesRemoved", "Unlinked", "Nothing",
    ];

    public static readonly string[] Outcomes = ["Succeeded", "Skipped", "Failed"];

    public static readonly IReadOnlyDictionary<string, (string Label, TimeSpan? Span)> Periods = new Dictionary<string, (string, TimeSpan?)>
    {
        [""] = ("Any time", null),
        ["1h"] = ("Last hour", TimeSpan.FromHours(1)),
        ["24h"] = ("Last 24 hours", TimeSpan.FromHours(24)),
        ["7d"] = ("Last 7 days", TimeSpan.FromDays(7)),
        ["30d"] = ("Last 30 days", TimeSpan.FromDays(30)),
    };

    [BindProperty(SupportsGet = true)]
    public string? Realm { get; set; }

    /// <summary>A userName or email, or a SCIM user id (links from a user's page carry the id).</summary>
    [BindProperty(Name = "user", SupportsGet = true)]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ProvisioningLogPage? Entries { get; private set; }
    public Pager? Pager { get; private set; }
    public IReadOnlyList<ConnectionDto> Connections { get; private set; } = [];
    public bool Filtered => new[] { Realm, UserFilter, Action, Outcome, Period }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var organizationId = User.OrganizationIdOf();
        Connections = await policyService.GetConnectionsAsync(organizationId, cancellationToken);
        PageNumber = Math.Max(1, PageNumber);
        ConnectionDto? connection = null;
        if (!string.IsNullOrEmpty(Realm))
        {
            connection = RealmRoutes.TryParse(Realm, out var realm) ? Connections.FirstOrDefault(c => c.Realm == realm) : null;
            if (!RealmRoutes.TryParse(Realm, out _))
            {
                ModelState.AddModelError(nameof(Realm), "Choose a realm from the list.");
            }
        }
        if (!string.IsNullOrEmpty(Action) && !Actions.Contains(Action))
        {
            ModelState.AddModelError(nameof(Action), "Choose an action from the list.");
        }
        if (!string.IsNullOrEmpty(Outcome) && !Outcomes.Contains(Outcome))
        {
            ModelState.AddModelError(nameof(Outcome), "Choose an outcome from the list.");
        }
        if (!Periods.TryGetValue(Period ?? "", out var period))
        {
            ModelState.AddModelError(nameof(Period), "Choose a period from the list.");
        }
        Guid? scimUserId = null;
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            scimUserId = await FindUserAsync(UserFilter.Trim(), connection, cancellationToken);
            if (scimUserId is null)
            {
                ModelState.AddModelError("user", $"No user matches '{UserFilter.Trim()}'{(connection is null ? "" : $" in {connection.Realm.DisplayName()}")}.");
            }
        }
        var realmWithoutConnection = !string.IsNullOrEmpty(Realm) && connection is null;
        if (!ModelState.IsValid || realmWithoutConnection)
        {
            Entries = new ProvisioningLogPage(0, 1, PageSize, []);
            return Page();
        }
        var from = period.Span is { } span ? clock.GetUtcNow() - span : (DateTimeOffset?)null;
        Entries = await realms.GetLogAsync(organizationId,
            new LogQuery(connection?.Id, scimUserId, NullIfEmpty(Action), NullIfEmpty(Outcome), from, null, PageNumber, PageSize), cancellationToken);
        Pager = new Pager(Entries.Page, Entries.PageSize, Entries.TotalResults, page =>
            $"/log?realm={E(Realm)}&user={E(UserFilter)}&action={E(Action)}&outcome={E(Outcome)}&period={E(Period)}&p={page}");
        return Page();
    }

    /// <summary>A SCIM user id as given, or the user of one of the organization's connections with that userName or email.</summary>
    private async Task<Guid?> FindUserAsync(string user, ConnectionDto? connection, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(user, out var id))
        {
            return id;
        }
        foreach (var candidate in connection is null ? Connections : [connection])
        {
            var matches = await directory.GetUsersAsync(candidate.Id, user, null, 1, cancellationToken);
            var match = matches.Items.FirstOrDefault(u => string.Equals(u.UserName, user, StringComparison.OrdinalIgnoreCase)
                                                        || string.Equals(u.Email, user, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match.Id;
            }
        }
        return null;
    }

    public string RealmSlugOf(Guid connectionId) => Connections.FirstOrDefault(c => c.Id == connectionId)?.Realm.Slug() ?? "";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string E(string? value) => Uri.EscapeDataString(value ?? "");
}
