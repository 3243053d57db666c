using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages;

public sealed class IndexModel(PolicyServiceClient policyService, IOptions<AdminUiOptions> options, ILogger<IndexModel> logger) : PageModel
{
    public OrganizationDto? Organization { get; private set; }
    public IReadOnlyList<ConnectionDto> Connections { get; private set; } = [];
    public string? Problem { get; private set; }

    /// <summary>The SCIM base URL an IdP is given: the public address this page was reached on.</summary>
    public string ScimBaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/scim/v2";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Organization = await policyService.GetOrganizationBySlugAsync(options.Value.OrganizationSlug, cancellationToken);
            if (Organization is not null)
            {
                Connections = await policyService.GetConnectionsAsync(Organization.Id, cancellationToken);
            }
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "PolicyService could not be reached.");
            Problem = "The policy service cannot be reached right now. Try again in a moment.";
        }
    }
}
