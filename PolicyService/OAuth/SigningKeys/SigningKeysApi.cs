using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Contracts;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.OAuth.SigningKeys;

/// <summary>Lists the signing keys (public facts only) and rotates them on demand.</summary>
public static class SigningKeysApi
{
    public static void MapSigningKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/oauth/signing-keys", "Signing keys", InternalCaller.Operator);
        group.MapGet("/", ListAsync);
        group.MapPost("/rotate", RotateAsync);
    }

    private static async Task<Ok<SigningKeyDto[]>> ListAsync(SigningKeyRing keys, CancellationToken cancellationToken)
    {
        var published = await keys.GetPublishedKeysAsync(cancellationToken);
        var signing = published.Where(k => k.RetiredAt is null).MaxBy(k => k.CreatedAt);
        return TypedResults.Ok(published.Select(k => new SigningKeyDto(k.KeyId, k.Algorithm, k.CreatedAt, k.RetiredAt, k == signing)).ToArray());
    }

    private static async Task<Created<SigningKeyDto>> RotateAsync(SigningKeyRing keys, PolicyDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var key = await keys.RotateAsync(cancellationToken);
        // The ring rotates under its own lock and transaction; the entry follows it (a whole-system action: no organization).
        audit.Record(db, null, AuditActions.SigningKeyRotated, key.KeyId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/internal/oauth/signing-keys", new SigningKeyDto(key.KeyId, key.Algorithm, key.CreatedAt, null, true));
    }
}
