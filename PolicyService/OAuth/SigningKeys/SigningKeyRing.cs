using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Provisioning.PolicyService.Data;

namespace Provisioning.PolicyService.OAuth.SigningKeys;

/// <summary>
/// The keys in policydb that sign access tokens. The newest live key signs; a key retired by
/// rotation stays published (and so keeps verifying) until every token it signed has expired.
/// Replicas read the ring at most every <see cref="RereadInterval"/>, so one that has not seen a
/// rotation yet still signs with a key that everyone verifies.
/// </summary>
public sealed class SigningKeyRing(
    IServiceScopeFactory scopes, PrivateKeyProtection protection, IOptions<OAuthOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan RereadInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, ECDsaSecurityKey> _privateKeys = new();
    private readonly SemaphoreSlim _reload = new(1, 1);
    private readonly SemaphoreSlim _rotating = new(1, 1);
    private (IReadOnlyList<SigningKey> Keys, DateTimeOffset ReadAt)? _ring;

    /// <summary>The key that signs now, made when there is none or the current one is due for rotation.</summary>
    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var keys = await GetKeysAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var current = keys.Where(k => k.RetiredAt is null).MaxBy(k => k.CreatedAt);
        if (current is null || IsDue(current, now))
        {
            current = await RotateWhenDueAsync(cancellationToken);
        }
        var key = _privateKeys.GetOrAdd(current.KeyId, _ => Load(current));
        return new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>Every key a live token may carry: the signing one and the retired ones not yet past their last token.</summary>
    public async Task<IReadOnlyList<SigningKey>> GetPublishedKeysAsync(CancellationToken cancellationToken)
    {
        var keys = await GetKeysAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return keys.Where(k => k.RetiredAt is null || k.RetiredAt + options.Value.AccessTokenLifetime + ClockSkew > now).ToList();
    }

    /// <summary>Makes a new signing key and retires the others, on demand.</summary>
    public Task<SigningKey> RotateAsync(CancellationToken cancellationToken) => RotateAsync(onlyWhenDue: false, cancellationToken);

    /// <summary>
    /// The automatic rotation, single-flight: one caller per replica at a time, and across replicas
    /// the advisory lock plus a second look at the live key, so the requests that all noticed the
    /// due date together make one new key between them, not one each.
    /// </summary>
    private async Task<SigningKey> RotateWhenDueAsync(CancellationToken cancellationToken)
    {
        await _rotating.WaitAsync(cancellationToken);
        try
        {
            return await RotateAsync(onlyWhenDue: true, cancellationToken);
        }
        finally
        {
            _rotating.Release();
        }
    }

    private bool IsDue(SigningKey key, DateTimeOffset now) => key.CreatedAt + options.Value.SigningKeyRotationInterval <= now;

    /// <summary>Replicas serialise on an advisory lock held for the transaction.</summary>
    private async Task<SigningKey> RotateAsync(bool onlyWhenDue, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
        // Npgsql's retrying strategy runs a user transaction only as one retriable unit.
        var key = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7283410001)", ct);
            var now = clock.GetUtcNow();
            var live = await db.SigningKeys.Where(k => k.RetiredAt == null).ToListAsync(ct);
            if (onlyWhenDue && live.MaxBy(k => k.CreatedAt) is { } newest && !IsDue(newest, now))
            {
                // Someone else rotated while this caller waited for the lock.
                return newest;
            }
            foreach (var retiring in live)
            {
                retiring.RetiredAt = now;
            }
            // Keys whose last token expired long ago are of no use to anyone.
            var forgotten = now - options.Value.AccessTokenLifetime - TimeSpan.FromDays(1);
            await db.SigningKeys.Where(k => k.RetiredAt < forgotten).ExecuteDeleteAsync(ct);
            var created = Create(now);
            db.SigningKeys.Add(created);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return created;
        }, cancellationToken);
        _ring = null;
        return key;
    }

    private async Task<IReadOnlyList<SigningKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        if (_ring is { } ring && ring.ReadAt + RereadInterval > clock.GetUtcNow())
        {
            return ring.Keys;
        }
        await _reload.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
            var keys = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
            _ring = (keys, clock.GetUtcNow());
            return keys;
        }
        finally
        {
            _reload.Release();
        }
    }

    private SigningKey Create(DateTimeOffset now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
            ["kid"] = keyId,
            ["use"] = "sig",
            ["alg"] = SigningKey.EcdsaP256,
        };
        var privateKey = ecdsa.ExportPkcs8PrivateKey();
        try
        {
            return new SigningKey
            {
                KeyId = keyId,
                PublicJwk = jwk.ToJsonString(),
                ProtectedPrivateKey = protection.Protect(privateKey, keyId),
                CreatedAt = now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private ECDsaSecurityKey Load(SigningKey key)
    {
        var privateKey = protection.Unprotect(key.ProtectedPrivateKey, key.KeyId);
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(privateKey, out _);
            return new ECDsaSecurityKey(ecdsa) { KeyId = key.KeyId };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>The JWKS document (RFC 7517 §5) of the published keys.</summary>
    public static JsonObject ToJwks(IEnumerable<SigningKey> keys) =>
        new() { ["keys"] = new JsonArray(keys.Select(k => JsonNode.Parse(k.PublicJwk)).ToArray()) };
}
