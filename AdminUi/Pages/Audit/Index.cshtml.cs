using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.AdminUi.Pages.Directory;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Audit;

/// <summary>
/// What the organization's admins (and the operator) did, newest first: filtered by who, action
/// and a range of days (UTC), paged, and downloadable as CSV with the same filter.
/// </summary>
public sealed class IndexModel(PolicyServiceClient policyService) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The CSV holds at most this many entries; a narrower filter gets the rest.</summary>
    public const int MaxCsvEntries = 50_000;

    [BindProperty(Name = "who", SupportsGet = true)]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>The first day, UTC.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day, UTC, included.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public AuditPage? Entries { get; private set; }
    public Pager? Pager { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Who) || !string.IsNullOrEmpty(Action) || From is not null || To is not null;
    public string CsvLink => "/audit?handler=csv&" + FilterQuery();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        if (Validate() is not { } query)
        {
            Entries = new AuditPage(0, 1, PageSize, []);
            return Page();
        }
        Entries = await policyService.GetAuditAsync(User.OrganizationIdOf(), query with { Page = PageNumber, PageSize = PageSize }, cancellationToken);
        Pager = new Pager(Entries.Page, Entries.PageSize, Entries.TotalResults, page => $"/audit?{FilterQuery()}&p={page}");
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Validate() is not { } query)
        {
            Entries = new AuditPage(0, 1, PageSize, []);
            return Page();
        }
        var entries = new List<AuditEntryDto>();
        for (var page = 1; entries.Count < MaxCsvEntries; page++)
        {
            var batch = await policyService.GetAuditAsync(User.OrganizationIdOf(), query with { Page = page, PageSize = 1000 }, cancellationToken);
            entries.AddRange(batch.Items);
            if (batch.Items.Count < batch.PageSize)
            {
                break;
            }
        }
        var name = $"audit-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv";
        return File(Encoding.UTF8.GetBytes(AuditCsv.Write(entries.Take(MaxCsvEntries))), "text/csv; charset=utf-8", name);
    }

    /// <summary>The filter as PolicyService takes it, or null with the form's errors.</summary>
    private AuditQuery? Validate()
    {
        if (!string.IsNullOrEmpty(Action) && !AuditActions.All.Contains(Action))
        {
            ModelState.AddModelError(nameof(Action), "Choose an action from the list.");
        }
        if (Who is { Length: > 320 })
        {
            ModelState.AddModelError("who", "Who is at most 320 characters: an email or part of one.");
        }
        if (From is { } first && To is { } last && last < first)
        {
            ModelState.AddModelError(nameof(To), "The last day is before the first.");
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        var from = From is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var to = To is { } end ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        return new AuditQuery(string.IsNullOrWhiteSpace(Who) ? null : Who.Trim(), string.IsNullOrEmpty(Action) ? null : Action, from, to);
    }

    private string FilterQuery() =>
        $"who={E(Who)}&action={E(Action)}&from={E(From?.ToString("yyyy-MM-dd"))}&to={E(To?.ToString("yyyy-MM-dd"))}";

    private static string E(string? value) => Uri.EscapeDataString(value ?? "");
}
