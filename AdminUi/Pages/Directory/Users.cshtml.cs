using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Directory;

public sealed class UsersModel(PolicyServiceClient policyService, DirectoryClient directory) : RealmConnectionPage(policyService)
{
    public static readonly IReadOnlyDictionary<string, string> StatusChoices = new Dictionary<string, string>
    {
        [""] = "All users",
        ["active"] = "Active",
        ["inactive"] = "Inactive",
    };

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public DirectoryPage<DirectoryUserSummary>? Users { get; private set; }

    public Pager? Pager { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrEmpty(Status);

    public async Task<IActionResult> OnGetAsync(string? realm, CancellationToken cancellationToken)
    {
        if (realm is null)
        {
            return Redirect("/directory/" + Realm.Dashboard.Slug());
        }
        if (!await ResolveAsync(realm, cancellationToken))
        {
            return NotFound();
        }
        if (Status is { Length: > 0 } && !StatusChoices.ContainsKey(Status))
        {
            ModelState.AddModelError(nameof(Status), "Choose all, active or inactive.");
            Status = null;
        }
        PageNumber = Math.Max(1, PageNumber);
        if (Connection is not null)
        {
            Users = await directory.GetUsersAsync(Connection.Id, Search, Status, PageNumber, cancellationToken);
            Pager = new Pager(Users.Page, Users.PageSize, Users.TotalResults, page =>
                $"/directory/{Realm.Slug()}?search={Uri.EscapeDataString(Search ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&p={page}");
        }
        return Page();
    }
}
