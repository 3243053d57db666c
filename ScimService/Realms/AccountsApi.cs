using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Provisioning.Contracts;
using Provisioning.ScimService.Internal;
using Provisioning.ScimService.Realms.Accounts;

namespace Provisioning.ScimService.Realms;

/// <summary>
/// An organization's employees, collaborators and MDM employees, for the Admin UI and for
/// accounts made by hand (which SCIM later links by email). Internal: guarded by the internal key.
/// </summary>
public static class AccountsApi
{
    private const int MaxResults = 500;

    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var organization = app.MapInternalRoutes("/organizations/{organizationId:guid}");
        MapAccounts<Employee>(organization, "/employees", (o, r, email, now) =>
            new Employee { OrganizationId = o, Email = email, EmailKey = email.ToLowerInvariant(), DisplayName = r.DisplayName, CreatedAt = now });
        MapAccounts<Collaborator>(organization, "/collaborators", (o, r, email, now) =>
            new Collaborator { OrganizationId = o, Email = email, EmailKey = email.ToLowerInvariant(), DisplayName = r.DisplayName, Role = r.Role ?? CollaboratorRole.Viewer, CreatedAt = now });
        MapAccounts<MdmEmployee>(organization, "/mdm-employees", (o, r, email, now) =>
            new MdmEmployee { OrganizationId = o, Email = email, EmailKey = email.ToLowerInvariant(), DisplayName = r.DisplayName, CreatedAt = now });
    }

    private static void MapAccounts<T>(RouteGroupBuilder group, string path, Func<Guid, CreateAccountRequest, string, DateTimeOffset, T> create)
        where T : class, IRealmAccount
    {
        group.MapGet(path, async (Guid organizationId, Guid? scimUserId, string? email, ScimDbContext db, CancellationToken ct) =>
        {
            var query = db.Set<T>().AsNoTracking().Where(a => a.OrganizationId == organizationId);
            if (scimUserId is { } linkedTo)
            {
                query = query.Where(a => a.ScimUserId == linkedTo);
            }
            if (!string.IsNullOrWhiteSpace(email))
            {
                var key = email.Trim().ToLowerInvariant();
                query = query.Where(a => a.EmailKey == key);
            }
            var accounts = await query.OrderBy(a => a.EmailKey).Take(MaxResults).ToListAsync(ct);
            return TypedResults.Ok(accounts.Select(a => a.ToDto()).ToArray());
        });

        group.MapPost(path, async Task<Results<Created<AccountDto>, ValidationProblem, ProblemHttpResult>> (
            Guid organizationId, CreateAccountRequest request, ScimDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = Validate<T>(request);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            var account = create(organizationId, request, request.Email.Trim(), clock.GetUtcNow());
            db.Add(account);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return TypedResults.Problem($"A {T.Noun} with the email {request.Email} exists in this organization.", statusCode: StatusCodes.Status409Conflict);
            }
            return TypedResults.Created($"/internal/organizations/{organizationId}{path}/{account.Id}", account.ToDto());
        });
    }

    private static Dictionary<string, string[]> Validate<T>(CreateAccountRequest request) where T : IRealmAccount
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@') || request.Email.Length > 320)
        {
            errors["email"] = ["An email address of at most 320 characters is required."];
        }
        if (request.DisplayName is { Length: > 256 })
        {
            errors["displayName"] = ["A display name has at most 256 characters."];
        }
        if (request.Role is { } role && (T.Realm != Realm.Dashboard || !Enum.IsDefined(role)))
        {
            errors["role"] = [T.Realm == Realm.Dashboard ? $"Use one of: {string.Join(", ", Enum.GetNames<CollaboratorRole>())}." : "Only collaborators have a role."];
        }
        return errors;
    }
}
