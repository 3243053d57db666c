using Provisioning.PolicyService.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;
using Provisioning.PolicyService.Policies;

namespace Provisioning.PolicyService.CustomAttributes;

/// <summary>
/// A connection's custom attribute declarations and its choice for undeclared attributes, replaced as a whole.
/// They travel to ScimService with the connection's settings (cached in Redis, invalidated on save).
/// </summary>
public static class CustomAttributesApi
{
    public static void MapCustomAttributesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/connections/{connectionId:guid}/custom-attributes", "Custom attributes", InternalCaller.AdminUi);
        group.MapGet("/", GetAsync);
        group.MapPut("/", PutAsync);
    }

    private static async Task<Results<Ok<CustomAttributesDto>, NotFound>> GetAsync(
        Guid connectionId, PolicyDbContext db, SettingsCache cache, CancellationToken cancellationToken) =>
        await ConnectionSettings.GetAsync(db, cache, connectionId, cancellationToken) is { } settings
            ? TypedResults.Ok(new CustomAttributesDto(settings.CustomAttributes ?? [], settings.UndeclaredAttributes))
            : TypedResults.NotFound();

    /// <summary>
    /// Declarations are matched by resource type, schema and name: a kept one is updated in place, a missing
    /// one is removed. Stored values are not rewritten here; ScimService reads them through the new
    /// declarations (a value that no longer fits is hidden and dropped at the IdP's next write).
    /// </summary>
    private static async Task<Results<Ok<CustomAttributesDto>, NotFound, ValidationProblem>> PutAsync(
        Guid connectionId, CustomAttributesDto request, PolicyDbContext db, SettingsCache cache, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return TypedResults.NotFound();
        }
        var errors = CustomAttributeRules.Validate(request.Attributes);
        if (!Enum.IsDefined(request.Undeclared))
        {
            errors["undeclared"] = [$"Use one of: {string.Join(", ", Enum.GetNames<UndeclaredAttributePolicy>())}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var existing = await db.CustomAttributeDeclarations.Where(d => d.ConnectionId == connectionId).ToListAsync(cancellationToken);
        var wanted = request.Attributes.ToDictionary(Key);
        foreach (var declaration in existing)
        {
            if (wanted.Remove(Key(declaration.ToDto()), out var update))
            {
                declaration.Type = update.Type;
                declaration.MultiValued = update.MultiValued;
                declaration.CaseExact = update.CaseExact;
            }
            else
            {
                db.CustomAttributeDeclarations.Remove(declaration);
            }
        }
        var now = clock.GetUtcNow();
        db.CustomAttributeDeclarations.AddRange(wanted.Values.Select(d => new CustomAttributeDeclaration
        {
            ConnectionId = connectionId,
            ResourceType = CustomAttributeRules.CoreSchemas.Keys.First(k => string.Equals(k, d.ResourceType, StringComparison.OrdinalIgnoreCase)),
            SchemaUrn = d.SchemaUrn,
            Name = d.Name,
            Type = d.Type,
            MultiValued = d.MultiValued,
            CaseExact = d.CaseExact,
            CreatedAt = now,
        }));
        connection.UndeclaredAttributes = request.Undeclared;
        audit.Record(db, connection.OrganizationId, AuditActions.CustomAttributesSaved,
            $"{connection.Realm.DisplayName()}: {request.Attributes.Count} declared, undeclared attributes {request.Undeclared}");
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(ConnectionSettings.CacheKey(connectionId));
        var saved = (await ConnectionSettings.LoadAsync(db, connectionId, cancellationToken))!;
        return TypedResults.Ok(new CustomAttributesDto(saved.CustomAttributes ?? [], saved.UndeclaredAttributes));
    }

    private static (string, string, string) Key(CustomAttributeDto d) =>
        (d.ResourceType.ToLowerInvariant(), d.SchemaUrn.ToLowerInvariant(), d.Name.ToLowerInvariant());
}
