using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Directory;

public sealed class GroupsModel(PolicyServiceClient policyService, DirectoryClient directory) : RealmConnectionPage(policyService)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public DirectoryPage<DirectoryGroupSummary>? Groups { get; private set; }

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(realm, cancellationToken))
        {
            return NotFound();
        }
        PageNumber = Math.Max(1, PageNumber);
        if (Connection is not null)
        {
            Groups = await directory.GetGroupsAsync(Connection.Id, Search, PageNumber, cancellationToken);
            Pager = new Pager(Groups.Page, Groups.PageSize, Groups.TotalResults, page =>
                $"/directory/{Realm.Slug()}/groups?search={Uri.EscapeDataString(Search ?? "")}&p={page}");
        }
        return Page();
    }
}
