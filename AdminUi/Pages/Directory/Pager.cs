namespace Provisioning.AdminUi.Pages.Directory;

/// <summary>Previous and next links that keep the page's search and filter.</summary>
public sealed record Pager(int Page, int PageSize, int TotalResults, Func<int, string> Link)
{
    public int PageCount => Math.Max(1, (TotalResults + PageSize - 1) / PageSize);
}
