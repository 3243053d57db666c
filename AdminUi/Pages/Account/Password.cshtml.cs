using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Account;

/// <summary>The signed-in admin replaces their password; required before anything else after a one-time password.</summary>
public sealed class ChangePasswordModel(PolicyServiceClient policyService) : PageModel
{
    public const string Path = "/account/password";

    private static readonly IReadOnlyDictionary<string, string> ServiceFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["currentPassword"] = nameof(CurrentPassword),
        ["newPassword"] = nameof(NewPassword),
    };

    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Use a password of 12 to 200 characters.")]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";

    [TempData]
    public string? Message { get; set; }

    public bool MustChange => User.MustChangePasswordOf();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PasswordChangedDto? changed = null;
        if (ModelState.IsValid)
        {
            (changed, var refusal) = await policyService.ChangePasswordAsync(User.AdminIdOf(), CurrentPassword, NewPassword, cancellationToken);
            refusal?.AddTo(ModelState, ServiceFields);
        }
        if (!ModelState.IsValid || changed is null)
        {
            (CurrentPassword, NewPassword, ConfirmPassword) = ("", "", "");
            return Page();
        }
        // The change gave the admin a new session stamp: this session carries it on, the admin's others end.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, User.WithPasswordChanged(changed.SessionStamp),
            new AuthenticationProperties { IsPersistent = false });
        Message = "Your password is changed. You are signed out everywhere else.";
        return RedirectToPage();
    }
}
