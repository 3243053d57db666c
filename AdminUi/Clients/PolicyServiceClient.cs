using System.Net;
using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Observability;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Clients;

/// <summary>PolicyService's internal API: admins, connections, tokens, OAuth clients, policies and group roles.</summary>
public sealed class PolicyServiceClient(HttpClient http, IHttpContextAccessor httpContext)
{
    /// <summary>The admin; or no admin and why, in words for the sign-in page. Each outcome is counted (<see cref="AdminUiTelemetry.SignIn"/>).</summary>
    public async Task<(SignedInAdminDto? Admin, string? Refusal)> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(HttpMethod.Post, "/internal/admins/sign-in", new AdminSignInRequest(email, password), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            AdminUiTelemetry.SignIn("unavailable");
            throw;
        }
        using var _ = response;
        var (outcome, refusal) = response.StatusCode switch
        {
            // One message for an unknown email and a wrong password: the form does not say which accounts exist.
            HttpStatusCode.Unauthorized => ("wrong_credentials", "The email or password is not correct."),
            HttpStatusCode.TooManyRequests => ("throttled", "Too many failed sign-ins for this email. Wait 15 minutes and try again."),
            HttpStatusCode.Forbidden => ("organization_disabled", "Your organization is disabled. Ask your provider to enable it again."),
            _ when !response.IsSuccessStatusCode => ("unavailable", null),
            _ => ("signed_in", null),
        };
        AdminUiTelemetry.SignIn(outcome);
        return refusal is null ? (await ReadAsync<SignedInAdminDto>(response, cancellationToken), null) : (null, refusal);
    }

    /// <summary>
    /// False when the admin's session must end (the organization was disabled, the admin removed, the
    /// session stamp replaced); null when PolicyService could not say, and the pages' own calls will show that outage.
    /// </summary>
    public async Task<bool?> SessionMayContinueAsync(Guid adminId, Guid sessionStamp, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Get, $"/internal/admins/{adminId}/session?stamp={sessionStamp}", null, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.NoContent => true,
                HttpStatusCode.NotFound or HttpStatusCode.Forbidden => false,
                _ => null,
            };
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The admin's new session stamp when changed; else the service's reasons (a wrong current password, a short new one).</summary>
    public async Task<(PasswordChangedDto? Changed, ServiceRefusal? Refusal)> ChangePasswordAsync(
        Guid adminId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/internal/admins/{adminId}/password", new ChangePasswordRequest(currentPassword, newPassword), cancellationToken);
        if (await ServiceRefusal.ReadAsync(response, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        return (await ReadAsync<PasswordChangedDto>(response, cancellationToken), null);
    }

    public async Task<AdminSummaryDto[]> GetAdminsAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/organizations/{organizationId}/admins", null, cancellationToken);
        return await ReadAsync<AdminSummaryDto[]>(response, cancellationToken);
    }

    /// <summary>
    /// Removed; or not, with the service's reason (the organization's last admin); or not and no
    /// reason when the organization has no such admin (another organization's is a 404 too).
    /// </summary>
    public async Task<(bool Removed, ServiceRefusal? Refusal)> RemoveAdminAsync(Guid organizationId, Guid adminId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/internal/organizations/{organizationId}/admins/{adminId}", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (false, null);
        }
        if (await ServiceRefusal.ReadAsync(response, cancellationToken) is { } refusal)
        {
            return (false, refusal);
        }
        await EnsureSuccessAsync(response);
        return (true, null);
    }

    /// <summary>The new admin with their one-time password, or the service's reasons for refusing.</summary>
    public async Task<(CreatedAdminDto? Admin, ServiceRefusal? Refusal)> AddAdminAsync(Guid organizationId, string email, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/internal/organizations/{organizationId}/admins", new CreateAdminRequest(email), cancellationToken);
        if (await ServiceRefusal.ReadAsync(response, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        return (await ReadAsync<CreatedAdminDto>(response, cancellationToken), null);
    }

    public async Task<ConnectionDto[]> GetConnectionsAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/organizations/{organizationId}/connections", null, cancellationToken);
        return await ReadAsync<ConnectionDto[]>(response, cancellationToken);
    }

    /// <summary>The organization's connection for a realm, or null when SCIM was never turned on for it.</summary>
    public async Task<ConnectionDto?> FindConnectionAsync(Guid organizationId, Realm realm, CancellationToken cancellationToken) =>
        (await GetConnectionsAsync(organizationId, cancellationToken)).FirstOrDefault(c => c.Realm == realm);

    public async Task<ConnectionDto> SetConnectionEnabledAsync(Guid organizationId, Realm realm, bool enabled, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/internal/organizations/{organizationId}/connections/{realm}",
            new UpdateConnectionRequest(enabled), cancellationToken);
        return await ReadAsync<ConnectionDto>(response, cancellationToken);
    }

    public async Task<TokenDto[]> GetTokensAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/connections/{connectionId}/tokens", null, cancellationToken);
        return await ReadAsync<TokenDto[]>(response, cancellationToken);
    }

    /// <summary>The new token (its secret shown once), or the service's reason for refusing it.</summary>
    public async Task<(CreatedTokenDto? Token, string? Refusal)> CreateTokenAsync(
        Guid connectionId, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/internal/connections/{connectionId}/tokens",
            new CreateTokenRequest(expiresAt), cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(cancellationToken);
            return (null, problem?.Detail ?? problem?.Title ?? "The token could not be created.");
        }
        return (await ReadAsync<CreatedTokenDto>(response, cancellationToken), null);
    }

    /// <summary>False when the connection has no such token.</summary>
    public async Task<bool> RevokeTokenAsync(Guid connectionId, Guid tokenId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/internal/connections/{connectionId}/tokens/{tokenId}", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        await EnsureSuccessAsync(response);
        return true;
    }

    public async Task<ConnectionSettingsDto> GetSettingsAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/connections/{connectionId}/settings", null, cancellationToken);
        return await ReadAsync<ConnectionSettingsDto>(response, cancellationToken);
    }

    /// <summary>The saved settings, or the service's reasons for refusing the policy (nothing is saved then).</summary>
    public async Task<(ConnectionSettingsDto? Settings, ServiceRefusal? Refusal)> SetPolicyAsync(
        Guid connectionId, ConnectionPolicyDto policy, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/internal/connections/{connectionId}/policy", policy, cancellationToken);
        if (await ServiceRefusal.ReadAsync(response, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        return (await ReadAsync<ConnectionSettingsDto>(response, cancellationToken), null);
    }

    /// <summary>The saved settings (with the version ScimService reconciles roles with), or the service's reasons for refusing.</summary>
    public async Task<(ConnectionSettingsDto? Settings, ServiceRefusal? Refusal)> SetGroupRolesAsync(
        Guid connectionId, IReadOnlyList<GroupRoleMappingDto> mappings, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/internal/connections/{connectionId}/group-roles", new UpdateGroupRolesRequest(mappings), cancellationToken);
        if (await ServiceRefusal.ReadAsync(response, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        return (await ReadAsync<ConnectionSettingsDto>(response, cancellationToken), null);
    }

    public async Task<CustomAttributesDto> GetCustomAttributesAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/connections/{connectionId}/custom-attributes", null, cancellationToken);
        return await ReadAsync<CustomAttributesDto>(response, cancellationToken);
    }

    public async Task<(CustomAttributesDto? Saved, ServiceRefusal? Refusal)> SetCustomAttributesAsync(
        Guid connectionId, CustomAttributesDto attributes, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/internal/connections/{connectionId}/custom-attributes", attributes, cancellationToken);
        if (await ServiceRefusal.ReadAsync(response, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        return (await ReadAsync<CustomAttributesDto>(response, cancellationToken), null);
    }

    /// <summary>The connection's live OAuth client, or null when it has none.</summary>
    public async Task<OAuthClientDto?> GetOAuthClientAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/connections/{connectionId}/oauth-client", null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<OAuthClientDto>(response, cancellationToken);
    }

    /// <summary>A new client (its secret shown once); it replaces the live one, whose secret stops working at once.</summary>
    public async Task<CreatedOAuthClientDto> CreateOAuthClientAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/internal/connections/{connectionId}/oauth-client", null, cancellationToken);
        return await ReadAsync<CreatedOAuthClientDto>(response, cancellationToken);
    }

    /// <summary>False when the connection had no live client.</summary>
    public async Task<bool> DeleteOAuthClientAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/internal/connections/{connectionId}/oauth-client", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        await EnsureSuccessAsync(response);
        return true;
    }

    /// <summary>A page of the organization's audit log, newest first; the filter was checked by the page.</summary>
    public async Task<AuditPage> GetAuditAsync(Guid organizationId, AuditQuery query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/organizations/{organizationId}/audit?{query.ToQueryString()}", null, cancellationToken);
        return await ReadAsync<AuditPage>(response, cancellationToken);
    }

    /// <summary>
    /// Records a device or device-policy save that ScimService has made, as the signed-in admin.
    /// False when PolicyService could not record it: the save stands, and the page says the entry is missing.
    /// </summary>
    public async Task<bool> RecordAuditAsync(Guid organizationId, string action, string target, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Post, $"/internal/organizations/{organizationId}/audit", new RecordAuditRequest(action, target), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path);
        // Who acts and from where, for PolicyService's audit log.
        if (httpContext.HttpContext is { } current)
        {
            if (current.User.Identity?.IsAuthenticated == true && current.User.Identity.Name is { } email)
            {
                request.Headers.Add(InternalHeaders.Actor, email);
            }
            if (current.Connection.RemoteIpAddress is { } address)
            {
                request.Headers.Add(InternalHeaders.ActorIp, address.ToString());
            }
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return http.SendAsync(request, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new ServiceException("PolicyService", $"an empty answer from {response.RequestMessage?.RequestUri?.AbsolutePath}");
    }

    private static Task EnsureSuccessAsync(HttpResponseMessage response) => ServiceException.EnsureSuccessAsync("PolicyService", response);
}

public sealed record AuditQuery(string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = 50)
{
    public string ToQueryString() =>
        (string.IsNullOrEmpty(Actor) ? "" : $"&actor={Uri.EscapeDataString(Actor)}")
        + (string.IsNullOrEmpty(Action) ? "" : $"&action={Uri.EscapeDataString(Action)}")
        + (From is { } f ? $"&from={Uri.EscapeDataString(f.ToUniversalTime().ToString("O"))}" : "")
        + (To is { } t ? $"&to={Uri.EscapeDataString(t.ToUniversalTime().ToString("O"))}" : "")
        + $"&page={Page}&pageSize={PageSize}";
}
