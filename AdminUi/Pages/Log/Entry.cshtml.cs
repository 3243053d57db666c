using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Log;

/// <summary>One log entry: the SCIM operation in short, the policy that decided, the request's actions, the outcome and the trace id.</summary>
public sealed class EntryModel(RealmsClient realms) : PageModel
{
    public ProvisioningLogEntryDetailDto? Detail { get; private set; }

    /// <summary>The request's own entry: what the identity provider sent, in short.</summary>
    public ProvisioningLogEntryDto? Change => Detail?.Request.FirstOrDefault(e => e.Action is "ScimChange" or "SettingsChange");

    public sealed record SentAttribute(string Path, string Value, bool Kept);

    /// <summary>The custom attributes the request carried: from its own entry, else from its warnings (a PATCH that changed nothing else).</summary>
    public IReadOnlyList<SentAttribute> CustomAttributes =>
        ((Change?.CustomAttributes is { } own ? [own] : Detail?.Request.Select(e => e.CustomAttributes).OfType<string>()) ?? [])
            .SelectMany(json => System.Text.Json.Nodes.JsonNode.Parse(json) as System.Text.Json.Nodes.JsonArray ?? [])
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .Select(i => new SentAttribute(i["path"]?.ToString() ?? "", i["value"]?.ToJsonString() ?? "null", i["kept"]?.GetValue<bool>() == true))
            .DistinctBy(a => a.Path)
            .ToList();

    /// <summary>The id is looked up only within the signed-in admin's organization: any other id is a 404.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Detail = await realms.GetLogEntryAsync(User.OrganizationIdOf(), id, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }
}
