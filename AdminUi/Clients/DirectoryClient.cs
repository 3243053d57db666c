using System.Net;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Clients;

/// <summary>ScimService's internal read API: a connection's users, groups and counts.</summary>
public sealed class DirectoryClient(HttpClient http)
{
    public Task<DirectoryCountsDto?> GetCountsAsync(Guid connectionId, CancellationToken cancellationToken) =>
        GetAsync<DirectoryCountsDto>($"/internal/connections/{connectionId}/counts", cancellationToken);

    public async Task<DirectoryPage<DirectoryUserSummary>> GetUsersAsync(
        Guid connectionId, string? search, string? active, int page, CancellationToken cancellationToken) =>
        await GetAsync<DirectoryPage<DirectoryUserSummary>>(
            $"/internal/connections/{connectionId}/users?search={Uri.EscapeDataString(search ?? "")}&active={Uri.EscapeDataString(active ?? "")}&page={page}",
            cancellationToken) ?? Empty<DirectoryUserSummary>(page);

    public Task<DirectoryUserDto?> GetUserAsync(Guid connectionId, Guid userId, CancellationToken cancellationToken) =>
        GetAsync<DirectoryUserDto>($"/internal/connections/{connectionId}/users/{userId}", cancellationToken);

    public async Task<DirectoryPage<DirectoryGroupSummary>> GetGroupsAsync(
        Guid connectionId, string? search, int page, CancellationToken cancellationToken) =>
        await GetAsync<DirectoryPage<DirectoryGroupSummary>>(
            $"/internal/connections/{connectionId}/groups?search={Uri.EscapeDataString(search ?? "")}&page={page}",
            cancellationToken) ?? Empty<DirectoryGroupSummary>(page);

    public Task<DirectoryGroupDto?> GetGroupAsync(Guid connectionId, Guid groupId, CancellationToken cancellationToken) =>
        GetAsync<DirectoryGroupDto>($"/internal/connections/{connectionId}/groups/{groupId}", cancellationToken);

    /// <summary>The answer, or null on 404.</summary>
    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await ServiceException.EnsureSuccessAsync("ScimService", response);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private static DirectoryPage<T> Empty<T>(int page) => new(0, page, 25, []);
}
