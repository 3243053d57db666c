using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Admins;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Organizations;

/// <summary>Organizations as the operator manages them: onboard, list, switch off and on.</summary>
public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/organizations", "Organizations", InternalCaller.Operator);
        group.MapPost("/", CreateAsync);
        group.MapPost("/onboard", OnboardAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/disable", (Guid id, PolicyDbContext db, OrganizationSwitch @switch, CancellationToken ct) => @switch.SetAsync(db, id, enabled: false, ct));
        group.MapPost("/{id:guid}/enable", (Guid id, PolicyDbContext db, OrganizationSwitch @switch, CancellationToken ct) => @switch.SetAsync(db, id, enabled: true, ct));

        // ScimService's development seed finds the demo organization by its slug.
        app.MapInternalGroup("/organizations", "Organizations", InternalCaller.Operator, InternalCaller.ScimService)
            .MapGet("/by-slug/{slug}", GetBySlugAsync);
    }

    private static async Task<Results<Created<OrganizationDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrganizationRequest request, PolicyDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = OrganizationValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await db.Organizations.AnyAsync(o => o.Slug == request.Slug, cancellationToken))
        {
            return SlugTaken(request.Slug);
        }
        var organization = new Organization { Slug = request.Slug, Name = request.Name.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Organizations.Add(organization);
        audit.Record(db, organization.Id, AuditActions.OrganizationCreated, organization.Slug);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/internal/organizations/{organization.Id}", organization.ToDto());
    }

    /// <summary>The organization and its first admin in one save: a bad email or a taken slug leaves nothing behind.</summary>
    private static async Task<Results<Created<OnboardedOrganizationDto>, ValidationProblem, ProblemHttpResult>> OnboardAsync(
        OnboardOrganizationRequest request, PolicyDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = OrganizationValidation.Validate(new CreateOrganizationRequest(request.Slug, request.Name));
        var email = AdminPasswords.NormalizeEmail(request.AdminEmail);
        if (AdminPasswords.EmailProblem(email) is { } emailProblem)
        {
            errors["adminEmail"] = [emailProblem];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await db.Organizations.AnyAsync(o => o.Slug == request.Slug, cancellationToken))
        {
            return SlugTaken(request.Slug);
        }
        if (await db.AdminAccounts.AnyAsync(a => a.Email == email, cancellationToken))
        {
            return TypedResults.Problem($"An admin with the email '{email}' exists (in this or another organization).", statusCode: StatusCodes.Status409Conflict);
        }
        var now = clock.GetUtcNow();
        var organization = new Organization { Slug = request.Slug, Name = request.Name.Trim(), CreatedAt = now };
        var admin = new AdminAccount { OrganizationId = organization.Id, Email = email, PasswordHash = "", CreatedAt = now };
        var password = AdminPasswords.SetOneTime(admin);
        db.Organizations.Add(organization);
        db.AdminAccounts.Add(admin);
        audit.Record(db, organization.Id, AuditActions.OrganizationCreated, organization.Slug);
        audit.Record(db, organization.Id, AuditActions.AdminAdded, email);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/internal/organizations/{organization.Id}", new OnboardedOrganizationDto(
            organization.ToDto(), new CreatedAdminDto(admin.Id, organization.Id, email, now, password)));
    }

    private static async Task<Ok<OrganizationSummaryDto[]>> ListAsync(PolicyDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Slug)
            .Select(o => new
            {
                Organization = o,
                Connections = db.Connections.Where(c => c.OrganizationId == o.Id).Select(c => new { c.Realm, c.Enabled }).ToList(),
                LastToken = db.BearerTokens.Where(t => db.Connections.Any(c => c.Id == t.ConnectionId && c.OrganizationId == o.Id)).Max(t => t.LastUsedAt),
                LastClient = db.OAuthClients.Where(t => db.Connections.Any(c => c.Id == t.ConnectionId && c.OrganizationId == o.Id)).Max(t => t.LastUsedAt),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new OrganizationSummaryDto(
            r.Organization.Id, r.Organization.Slug, r.Organization.Name, r.Organization.CreatedAt, r.Organization.DisabledAt,
            r.Connections.Where(c => c.Enabled).Select(c => c.Realm).Order().ToArray(),
            r.Connections.Count,
            r.LastToken > r.LastClient || r.LastClient is null ? r.LastToken : r.LastClient)).ToArray());
    }

    private static async Task<Results<Ok<OrganizationDto>, NotFound>> GetAsync(Guid id, PolicyDbContext db, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } organization
            ? TypedResults.Ok(organization.ToDto())
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganizationDto>, NotFound>> GetBySlugAsync(string slug, PolicyDbContext db, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken) is { } organization
            ? TypedResults.Ok(organization.ToDto())
            : TypedResults.NotFound();

    private static ProblemHttpResult SlugTaken(string slug) =>
        TypedResults.Problem($"An organization with the slug '{slug}' exists.", statusCode: StatusCodes.Status409Conflict);

    public static OrganizationDto ToDto(this Organization o) => new(o.Id, o.Slug, o.Name, o.CreatedAt, o.DisabledAt);
}
