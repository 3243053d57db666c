using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Admins;

/// <summary>
/// The organization's admins: add one (with a one-time password, shown here once) or remove one
/// other than yourself. The organization is always the signed-in admin's, never the form's.
/// </summary>
public sealed class IndexModel(PolicyServiceClient policyService) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> ServiceFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = nameof(Email),
    };

    [BindProperty, Required(ErrorMessage = "Enter the new admin's email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [StringLength(320)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    public CreatedAdminDto? Added { get; private set; }

    public IReadOnlyList<AdminSummaryDto> Admins { get; private set; } = [];

    public Guid You => User.AdminIdOf();

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Admins = await policyService.GetAdminsAsync(User.OrganizationIdOf(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            // The organization comes from the sign-in cookie, never from the form.
            var (added, refusal) = await policyService.AddAdminAsync(User.OrganizationIdOf(), Email, cancellationToken);
            refusal?.AddTo(ModelState, ServiceFields);
            Added = added;
        }
        if (Added is not null)
        {
            Email = "";
        }
        Admins = await policyService.GetAdminsAsync(User.OrganizationIdOf(), cancellationToken);
        return Page();
    }

    /// <summary>Another organization's admin id is a 404, as one that does not exist; the last admin stays.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid adminId, CancellationToken cancellationToken)
    {
        if (adminId == You)
        {
            Refusal = "You cannot remove yourself. Ask another admin to.";
            return RedirectToPage();
        }
        var organizationId = User.OrganizationIdOf();
        var admin = (await policyService.GetAdminsAsync(organizationId, cancellationToken)).FirstOrDefault(a => a.Id == adminId);
        if (admin is null)
        {
            return NotFound();
        }
        var (removed, refusal) = await policyService.RemoveAdminAsync(organizationId, adminId, cancellationToken);
        if (!removed && refusal is null)
        {
            return NotFound();
        }
        if (refusal is not null)
        {
            Refusal = string.Join(" ", refusal.Errors.Values.SelectMany(m => m));
        }
        else
        {
            Message = $"Removed {admin.Email}. Their open sessions end within {SessionCheck.Interval.TotalSeconds:0} seconds.";
        }
        return RedirectToPage();
    }
}
