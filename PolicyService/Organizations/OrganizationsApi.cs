using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Organizations;

public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/organizations", "Organizations");
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/by-slug/{slug}", GetBySlugAsync);
    }

    private static async Task<Results<Created<OrganizationDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrganizationRequest request, PolicyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = OrganizationValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await db.Organizations.AnyAsync(o => o.Slug == request.Slug, cancellationToken))
        {
            return TypedResults.Problem($"An organization with the slug '{request.Slug}' exists.", statusCode: StatusCodes.Status409Conflict);
        }
        var organization = new Organization { Slug = request.Slug, Name = request.Name.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/internal/organizations/{organization.Id}", organization.ToDto());
    }

    private static async Task<Results<Ok<OrganizationDto>, NotFound>> GetAsync(Guid id, PolicyDbContext db, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } organization
            ? TypedResults.Ok(organization.ToDto())
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganizationDto>, NotFound>> GetBySlugAsync(string slug, PolicyDbContext db, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken) is { } organization
            ? TypedResults.Ok(organization.ToDto())
            : TypedResults.NotFound();

    public static OrganizationDto ToDto(this Organization o) => new(o.Id, o.Slug, o.Name, o.CreatedAt);
}
