using System.Net;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Clients;

/// <summary>ScimService's internal API: device policies (to validate settings) and role recomputation.</summary>
public sealed class ScimServiceClient(HttpClient http, IOptions<InternalApiOptions> options, ILogger<ScimServiceClient> logger)
{
    /// <summary>True or false as ScimService answers; null when it cannot be asked.</summary>
    public async Task<bool?> DevicePolicyExistsAsync(Guid organizationId, Guid devicePolicyId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(Request(HttpMethod.Get, $"/internal/organizations/{organizationId}/device-policies/{devicePolicyId}"), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
            response.EnsureSuccessStatusCode();
            return true;
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("ScimService could not be asked about device policy {DevicePolicyId}: {Fault}", devicePolicyId, e.Message);
            return null;
        }
    }

    public async Task<RecomputeRolesResult?> RecomputeRolesAsync(Guid connectionId, IReadOnlyList<Guid> groupIds, CancellationToken cancellationToken)
    {
        try
        {
            var request = Request(HttpMethod.Post, $"/internal/connections/{connectionId}/roles/recompute");
            request.Content = JsonContent.Create(new RecomputeRolesRequest(groupIds));
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<RecomputeRolesResult>(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("ScimService could not recompute roles of connection {ConnectionId}: {Fault}", connectionId, e.Message);
            return null;
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(InternalHeaders.ApiKey, options.Value.Key);
        return request;
    }
}
