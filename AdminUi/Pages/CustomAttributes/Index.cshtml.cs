using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.AdminUi.Pages.Directory;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.CustomAttributes;

public sealed class DeclarationRow
{
    public string ResourceType { get; set; } = "User";
    public string? SchemaUrn { get; set; }
    public string? Name { get; set; }
    public CustomAttributeType Type { get; set; }
    public bool MultiValued { get; set; }
    public bool CaseExact { get; set; }
    public bool Remove { get; set; }
}

/// <summary>
/// A realm's custom attributes: declare, change or remove them, and choose what undeclared ones do.
/// A save that changes or removes declarations first shows what it does to stored values, and saves once confirmed.
/// </summary>
public sealed class IndexModel(PolicyServiceClient policyService, RealmsClient realms) : RealmConnectionPage(policyService)
{
    private readonly PolicyServiceClient _policyService = policyService;

    [BindProperty]
    public List<DeclarationRow> Rows { get; set; } = [];

    [BindProperty]
    public UndeclaredAttributePolicy Undeclared { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    [TempData]
    public string? Message { get; set; }

    public CustomAttributesDto? Current { get; private set; }
    public IReadOnlyList<string> Effects { get; private set; } = [];
    public IReadOnlyList<UndeclaredAttributeSeenDto> NotKept { get; private set; } = [];

    /// <param name="path">An attribute the Overview saw not kept (e.g. <c>costCenter</c> or <c>urn:…:User:costCenter</c>), to declare.</param>
    public async Task<IActionResult> OnGetAsync(string? realm, string? path, string? resourceType, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken))
        {
            return NotFound();
        }
        if (Current is not null)
        {
            Rows = Current.Attributes.Select(a => new DeclarationRow
            {
                ResourceType = a.ResourceType, SchemaUrn = a.SchemaUrn, Name = a.Name, Type = a.Type, MultiValued = a.MultiValued, CaseExact = a.CaseExact,
            }).ToList();
            Rows.Add(Blank(path, resourceType ?? "User"));
            Undeclared = Current.Undeclared;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? realm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken) || Connection is null || Current is null)
        {
            return NotFound();
        }
        var wanted = new CustomAttributesDto(Rows
            .Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Name))
            .Select(r => new CustomAttributeDto(r.ResourceType, (r.SchemaUrn ?? "").Trim(), r.Name!.Trim(), r.Type, r.MultiValued, r.CaseExact))
            .ToList(), Undeclared);
        var effects = DeclarationChanges.Describe(Current, wanted);
        var onlyAdditions = effects.All(e => e.StartsWith("Declaring ", StringComparison.Ordinal));
        if (!Confirmed && !onlyAdditions)
        {
            Effects = effects;
            return Page();
        }
        var (saved, refusal) = await _policyService.SetCustomAttributesAsync(Connection.Id, wanted, cancellationToken);
        if (saved is null)
        {
            refusal!.AddTo(ModelState, new Dictionary<string, string>());
            return Page();
        }
        Message = effects.Count == 0 ? "Nothing changed." : "Saved. " + string.Join(" ", effects);
        return Redirect($"/custom-attributes/{Realm.Slug()}");
    }

    private async Task<bool> LoadAsync(string? realm, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(realm ?? Contracts.Realm.Dashboard.Slug(), cancellationToken))
        {
            return false;
        }
        if (Connection is not null)
        {
            Current = await _policyService.GetCustomAttributesAsync(Connection.Id, cancellationToken);
            // What was sent before an attribute was declared is history, not a call to declare it again.
            var declared = Current.Attributes.Select(DeclarationChanges.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
            NotKept = (await realms.GetUndeclaredAttributesAsync(User.OrganizationIdOf(), cancellationToken))
                .Where(a => a.ConnectionId == Connection.Id && !declared.Contains($"{a.ResourceType} {a.Path}"))
                .ToList();
        }
        return true;
    }

    /// <summary>An empty row to add with, filled from an attribute the IdP sent when one is named.</summary>
    private static DeclarationRow Blank(string? path, string resourceType)
    {
        var core = CustomAttributeRules.CoreSchemas.GetValueOrDefault(resourceType, CustomAttributeRules.CoreUserSchema);
        var colon = path?.LastIndexOf(':') ?? -1;
        return new DeclarationRow
        {
            ResourceType = resourceType,
            SchemaUrn = colon > 0 ? path![..colon] : core,
            Name = colon > 0 ? path![(colon + 1)..] : path,
        };
    }
}
