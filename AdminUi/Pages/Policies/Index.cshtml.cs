using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.AdminUi.Pages.Directory;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Policies;

/// <summary>A realm's on-create and on-deactivate policy, and a preview of the deactivate policy for one user before saving.</summary>
public sealed class IndexModel(PolicyServiceClient policyService, DirectoryClient directory, RealmsClient realms) : RealmConnectionPage(policyService)
{
    private static readonly IReadOnlyDictionary<string, string> ServiceFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["onCreate"] = nameof(OnCreate),
        ["onDeactivate"] = nameof(OnDeactivate),
        ["defaultRole"] = nameof(DefaultRole),
        ["targetDevicePolicyId"] = nameof(TargetDevicePolicyId),
    };

    private readonly PolicyServiceClient _policyService = policyService;

    [BindProperty]
    public string? OnCreate { get; set; }

    [BindProperty]
    public string? OnDeactivate { get; set; }

    [BindProperty]
    public string? DefaultRole { get; set; }

    [BindProperty]
    public Guid? TargetDevicePolicyId { get; set; }

    [BindProperty]
    public string? PreviewUser { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<DevicePolicyDto> DevicePolicies { get; private set; } = [];
    public DeactivationPreviewDto? Preview { get; private set; }
    public DirectoryUserSummary? PreviewedUser { get; private set; }

    public IReadOnlyList<(string Value, string Label, string Help)> CreateOptions => PolicyOptions.OnCreate(Realm);
    public IReadOnlyList<(string Value, string Label, string Help)> DeactivateOptions => PolicyOptions.OnDeactivate(Realm);

    public async Task<IActionResult> OnGetAsync(string? realm, CancellationToken cancellationToken)
    {
        if (realm is null)
        {
            return Redirect("/policies/" + Contracts.Realm.Dashboard.Slug());
        }
        if (!await LoadAsync(realm, cancellationToken))
        {
            return NotFound();
        }
        if (Connection is not null)
        {
            var policy = (await _policyService.GetSettingsAsync(Connection.Id, cancellationToken)).Policy;
            OnCreate = policy.OnCreate.ToString();
            OnDeactivate = policy.OnDeactivate.ToString();
            DefaultRole = (policy.DefaultRole ?? CollaboratorRole.Viewer).ToString();
            TargetDevicePolicyId = policy.TargetDevicePolicyId;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken) || Connection is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (FormPolicy() is not { } policy)
        {
            return Page();
        }
        // Device policies are ScimService's: it says whether the target is one of this organization's.
        if (policy.TargetDevicePolicyId is { } target && !await realms.DevicePolicyExistsAsync(User.OrganizationIdOf(), target, cancellationToken))
        {
            ModelState.AddModelError(nameof(TargetDevicePolicyId), "Choose a device policy that exists in this organization.");
            return Page();
        }
        var (settings, refusal) = await _policyService.SetPolicyAsync(Connection.Id, policy, cancellationToken);
        if (settings is null)
        {
            refusal!.AddTo(ModelState, ServiceFields);
            return Page();
        }
        if (Realm == Contracts.Realm.Dashboard)
        {
            // A new default role reaches collaborators in no mapped group; at once when ScimService answers, else once it is back.
            await realms.ReconcileRolesAsync(Connection.Id, settings.SettingsVersion, cancellationToken);
        }
        Message = $"The {Realm.DisplayName()} policy is saved. It applies to the next change your identity provider sends.";
        return Redirect("/policies/" + Realm.Slug());
    }

    /// <summary>What the options on the form (saved or not) would do to one user; nothing is saved or changed.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken) || Connection is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(PreviewUser))
        {
            ModelState.AddModelError(nameof(PreviewUser), "Enter the userName or email of a user your identity provider pushed.");
            return Page();
        }
        if (FormPolicy() is not { } policy)
        {
            return Page();
        }
        var matches = await directory.GetUsersAsync(Connection.Id, PreviewUser.Trim(), null, 1, cancellationToken);
        PreviewedUser = matches.Items.FirstOrDefault(u => string.Equals(u.UserName, PreviewUser.Trim(), StringComparison.OrdinalIgnoreCase)
                                                        || string.Equals(u.Email, PreviewUser.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? (matches.TotalResults == 1 ? matches.Items[0] : null);
        if (PreviewedUser is null)
        {
            ModelState.AddModelError(nameof(PreviewUser), matches.TotalResults == 0
                ? $"No {Realm.DisplayName()} user matches '{PreviewUser.Trim()}'."
                : $"{matches.TotalResults} users match '{PreviewUser.Trim()}': enter a full userName or email.");
            return Page();
        }
        Preview = await realms.PreviewDeactivationAsync(User.OrganizationIdOf(),
            new DeactivationPreviewRequest(Connection.Id, Realm, PreviewedUser.Id, policy), cancellationToken);
        return Preview is null ? NotFound() : Page();
    }

    /// <summary>The form's options as the policy the service takes; null (with messages) when an option is not one of the form's.</summary>
    private ConnectionPolicyDto? FormPolicy()
    {
        if (!Enum.TryParse<CreationAction>(OnCreate, out var onCreate) || CreateOptions.All(o => o.Value != OnCreate))
        {
            ModelState.AddModelError(nameof(OnCreate), "Choose what happens when a user is created.");
        }
        if (!Enum.TryParse<DeactivationAction>(OnDeactivate, out var onDeactivate) || DeactivateOptions.All(o => o.Value != OnDeactivate))
        {
            ModelState.AddModelError(nameof(OnDeactivate), "Choose what happens when a user is deactivated.");
        }
        CollaboratorRole? role = null;
        if (Realm == Contracts.Realm.Dashboard)
        {
            if (!Enum.TryParse<CollaboratorRole>(DefaultRole, out var parsed) || !Enum.IsDefined(parsed))
            {
                ModelState.AddModelError(nameof(DefaultRole), "Choose the default role: Admin, Editor or Viewer.");
            }
            role = parsed;
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        // The picker keeps its choice when another option is selected; only "change policy" sends it.
        var target = onDeactivate == DeactivationAction.ChangeDevicePolicy ? TargetDevicePolicyId : null;
        return new ConnectionPolicyDto(onCreate, onDeactivate, role, target);
    }

    private async Task<bool> LoadAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(realm, cancellationToken))
        {
            return false;
        }
        if (Realm == Contracts.Realm.MdmPortal)
        {
            DevicePolicies = await realms.GetDevicePoliciesAsync(User.OrganizationIdOf(), cancellationToken);
        }
        return true;
    }
}
