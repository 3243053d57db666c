using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Clients;
using Provisioning.AdminUi.Pages.Directory;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.GroupRoles;

public sealed class MappingRow
{
    public Guid GroupId { get; set; }
    public string? Role { get; set; }
}

/// <summary>
/// The Dashboard groups the IdP pushed, a page at a time, each mapped to a role or to none. Saving
/// replaces the mappings of the groups on the page (others are kept) and answers how many collaborators changed role.
/// </summary>
public sealed class IndexModel(PolicyServiceClient policyService, DirectoryClient directory, RealmsClient realms) : RealmConnectionPage(policyService)
{
    private readonly PolicyServiceClient _policyService = policyService;

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public List<MappingRow> Rows { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public DirectoryPage<DirectoryGroupSummary>? Groups { get; private set; }
    public ConnectionSettingsDto? Settings { get; private set; }
    public Pager? Pager { get; private set; }

    public string? RoleOf(Guid groupId) => Settings?.GroupRoles.FirstOrDefault(m => m.GroupId == groupId)?.Role.ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Connection is null || Groups is null || Settings is null)
        {
            return NotFound();
        }
        // Only the groups this page shows can be mapped here: any other id (another connection's, another organization's) is a 404.
        var shown = Groups.Items.ToDictionary(g => g.Id);
        if (Rows.Any(r => !shown.ContainsKey(r.GroupId)))
        {
            return NotFound();
        }
        var chosen = new List<GroupRoleMappingDto>();
        foreach (var row in Rows.Where(r => !string.IsNullOrEmpty(r.Role)))
        {
            if (!Enum.TryParse<CollaboratorRole>(row.Role, out var role) || !Enum.IsDefined(role))
            {
                ModelState.AddModelError(string.Empty, $"Choose Admin, Editor, Viewer or no role for {shown[row.GroupId].DisplayName}.");
                return Page();
            }
            chosen.Add(new GroupRoleMappingDto(row.GroupId, role, shown[row.GroupId].DisplayName));
        }
        var posted = Rows.Select(r => r.GroupId).ToHashSet();
        var mappings = Settings.GroupRoles.Where(m => !posted.Contains(m.GroupId)).Concat(chosen).ToList();
        var (updated, refusal) = await _policyService.SetGroupRolesAsync(Connection.Id, mappings, cancellationToken);
        if (updated is null)
        {
            refusal!.AddTo(ModelState, new Dictionary<string, string>());
            return Page();
        }
        // The roles follow the saved version in any case; asking now makes it at once and tells the admin what changed.
        var reconciled = await realms.ReconcileRolesAsync(Connection.Id, updated.SettingsVersion, cancellationToken);
        Message = reconciled?.CollaboratorsChanged switch
        {
            null => "The mappings are saved. Roles could not be recomputed right now; they follow as soon as the provisioning service is back.",
            0 => "The mappings are saved. No collaborator changed role.",
            1 => "The mappings are saved. 1 collaborator changed role.",
            var n => $"The mappings are saved. {n} collaborators changed role.",
        };
        return Redirect($"/group-roles?p={PageNumber}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await ResolveAsync(Contracts.Realm.Dashboard.Slug(), cancellationToken);
        PageNumber = Math.Max(1, PageNumber);
        if (Connection is null)
        {
            return;
        }
        Settings = await _policyService.GetSettingsAsync(Connection.Id, cancellationToken);
        Groups = await directory.GetGroupsAsync(Connection.Id, null, PageNumber, cancellationToken);
        Pager = new Pager(Groups.Page, Groups.PageSize, Groups.TotalResults, page => $"/group-roles?p={page}");
    }
}
