using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Scim;

/// <summary>One realm's SCIM connection: on or off, its base URL, its tokens, and a test call as Okta makes it.</summary>
public sealed class SetupModel(
    PolicyServiceClient policyService, ConnectionTester tester, IOptions<AdminUiOptions> options, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> ExpiryChoices = new Dictionary<string, string>
    {
        ["never"] = "Never expires",
        ["30"] = "In 30 days",
        ["90"] = "In 90 days",
        ["365"] = "In one year",
    };

    public Realm Realm { get; private set; }
    public ConnectionDto? Connection { get; private set; }
    public IReadOnlyList<TokenDto> Tokens { get; private set; } = [];
    public CreatedTokenDto? CreatedToken { get; private set; }
    public ConnectionTestResult? TestResult { get; private set; }
    public OAuthClientDto? OAuthClient { get; private set; }
    public CreatedOAuthClientDto? CreatedOAuthClient { get; private set; }

    [TempData]
    public string? Message { get; set; }

    // Nullable so that the other forms on the page, which do not post it, are not invalid without it.
    [BindProperty, Display(Name = "Expiry")]
    public string? Expiry { get; set; } = "never";

    [BindProperty, Display(Name = "Bearer token to test")]
    public string? TestToken { get; set; }

    /// <summary>The public address the page was reached on: the Gateway's, from its forwarded headers.</summary>
    public string ScimBaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/scim/v2";

    /// <summary>Where an IdP that uses OAuth client credentials asks for access tokens: the Gateway's /oauth/token.</summary>
    public string TokenUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/oauth/token";

    public IEnumerable<TokenDto> ActiveTokens => Tokens.Where(IsActive);

    public bool IsActive(TokenDto token) => token.RevokedAt is null && (token.ExpiresAt is null || token.ExpiresAt > clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(string? realm, CancellationToken cancellationToken)
    {
        if (realm is null)
        {
            return Redirect("/setup/" + Realm.EnterpriseStore.Slug());
        }
        return await LoadAsync(realm, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEnableAsync(string realm, CancellationToken cancellationToken) =>
        await SetEnabledAsync(realm, true, cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(string realm, CancellationToken cancellationToken) =>
        await SetEnabledAsync(realm, false, cancellationToken);

    public async Task<IActionResult> OnPostGenerateAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken))
        {
            return NotFound();
        }
        Expiry ??= "never";
        if (!ExpiryChoices.ContainsKey(Expiry))
        {
            ModelState.AddModelError(nameof(Expiry), "Choose when the token expires from the list.");
        }
        if (Connection is null)
        {
            ModelState.AddModelError(string.Empty, "Turn SCIM on for this realm before generating a token.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        DateTimeOffset? expiresAt = Expiry == "never" ? null : clock.GetUtcNow().AddDays(int.Parse(Expiry, System.Globalization.CultureInfo.InvariantCulture));
        var (token, refusal) = await policyService.CreateTokenAsync(Connection!.Id, expiresAt, cancellationToken);
        if (token is null)
        {
            ModelState.AddModelError(string.Empty, refusal!);
            return Page();
        }
        // Shown on this response only; it is not kept anywhere the UI could show it again.
        CreatedToken = token;
        TestToken = null;
        Tokens = await policyService.GetTokensAsync(Connection.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string realm, Guid tokenId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken) || Connection is null || Tokens.All(t => t.Id != tokenId))
        {
            return NotFound();
        }
        if (!await policyService.RevokeTokenAsync(Connection.Id, tokenId, cancellationToken))
        {
            return NotFound();
        }
        Message = $"Token {Tokens.Single(t => t.Id == tokenId).Lookup}… is revoked. SCIM calls with it are refused within seconds.";
        return Redirect("/setup/" + Realm.Slug());
    }

    public async Task<IActionResult> OnPostTestAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(TestToken))
        {
            ModelState.AddModelError(nameof(TestToken), "Paste the bearer token you gave your identity provider.");
            return Page();
        }
        var gateway = string.IsNullOrEmpty(options.Value.GatewayUrl) ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}" : options.Value.GatewayUrl;
        TestResult = await tester.TestAsync(gateway, TestToken, cancellationToken);
        TestToken = null;
        ModelState.Remove(nameof(TestToken));
        return Page();
    }

    /// <summary>Creates the connection's OAuth client, or replaces it (rotation): the old secret stops working at once.</summary>
    public async Task<IActionResult> OnPostCreateOAuthClientAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken) || Connection is null)
        {
            return NotFound();
        }
        // Shown on this response only, like a new token.
        CreatedOAuthClient = await policyService.CreateOAuthClientAsync(Connection.Id, cancellationToken);
        OAuthClient = await policyService.GetOAuthClientAsync(Connection.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteOAuthClientAsync(string realm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(realm, cancellationToken) || Connection is null || OAuthClient is null)
        {
            return NotFound();
        }
        await policyService.DeleteOAuthClientAsync(Connection.Id, cancellationToken);
        Message = $"OAuth client {OAuthClient.ClientId} is deleted. Access tokens issued to it are refused within seconds.";
        return Redirect("/setup/" + Realm.Slug());
    }

    private async Task<IActionResult> SetEnabledAsync(string realm, bool enabled, CancellationToken cancellationToken)
    {
        if (!RealmRoutes.TryParse(realm, out var parsed))
        {
            return NotFound();
        }
        await policyService.SetConnectionEnabledAsync(User.OrganizationIdOf(), parsed, enabled, cancellationToken);
        Message = enabled
            ? $"SCIM is on for {parsed.DisplayName()}."
            : $"SCIM is off for {parsed.DisplayName()}: the identity provider's calls are refused until you turn it on again.";
        return Redirect("/setup/" + parsed.Slug());
    }

    /// <summary>The signed-in admin's own connection for the realm; false when the realm is unknown.</summary>
    private async Task<bool> LoadAsync(string? realm, CancellationToken cancellationToken)
    {
        if (!RealmRoutes.TryParse(realm, out var parsed))
        {
            return false;
        }
        Realm = parsed;
        Connection = await policyService.FindConnectionAsync(User.OrganizationIdOf(), parsed, cancellationToken);
        Tokens = Connection is null ? [] : await policyService.GetTokensAsync(Connection.Id, cancellationToken);
        OAuthClient = Connection is null ? null : await policyService.GetOAuthClientAsync(Connection.Id, cancellationToken);
        return true;
    }
}
