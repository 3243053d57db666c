using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Admins;

/// <summary>An admin adds another admin to their own organization; the new admin gets a one-time password, shown here once.</summary>
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

    public void OnGet()
    {
    }

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
        return Page();
    }
}
