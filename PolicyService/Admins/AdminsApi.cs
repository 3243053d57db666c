using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Admins;

public static class AdminsApi
{
    private const string SignInFailed = "The email or password is not correct.";

    private static readonly PasswordHasher<AdminAccount> Hasher = new();

    /// <summary>
    /// Verified when no account has the email, so an unknown email costs the same hashing
    /// time as a wrong password and the answer's timing does not tell which it was.
    /// </summary>
    private static readonly string DecoyHash = Hasher.HashPassword(
        new AdminAccount { Email = "", PasswordHash = "" }, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    public static void MapAdminsApi(this IEndpointRouteBuilder app)
    {
        app.MapInternalGroup("/admins", "Admins").MapPost("/sign-in", SignInAsync);
        app.MapInternalGroup("/organizations/{organizationId:guid}/admins", "Admins").MapPost("/", CreateAsync);
    }

    private static async Task<Results<Ok<SignedInAdminDto>, ProblemHttpResult>> SignInAsync(
        AdminSignInRequest request, PolicyDbContext db, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var email = NormalizeEmail(request.Email);
        // Reserved before the password is verified, so parallel guesses are counted too.
        if (!await throttle.TryReserveCheckAsync(email))
        {
            return TypedResults.Problem(
                $"Too many failed sign-ins for this email. Wait {SignInThrottle.Window.TotalMinutes:0} minutes and try again.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in paused");
        }
        var found = email.Length == 0 ? null : await db.AdminAccounts.AsNoTracking()
            .Where(a => a.Email == email)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { Admin = a, OrganizationName = o.Name })
            .FirstOrDefaultAsync(cancellationToken);

        var verdict = Hasher.VerifyHashedPassword(
            found?.Admin ?? new AdminAccount { Email = "", PasswordHash = "" },
            found?.Admin.PasswordHash ?? DecoyHash,
            request.Password ?? "");
        if (found is null || verdict == PasswordVerificationResult.Failed)
        {
            return TypedResults.Problem(SignInFailed, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
        await throttle.ClearAsync(email);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await db.AdminAccounts.Where(a => a.Id == found.Admin.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, Hasher.HashPassword(found.Admin, request.Password!)), cancellationToken);
        }
        return TypedResults.Ok(new SignedInAdminDto(found.Admin.Id, found.Admin.Email, found.Admin.OrganizationId, found.OrganizationName));
    }

    /// <summary>Adds an admin to an organization (used by provisioning scripts and tests; there is no self sign-up).</summary>
    private static async Task<Results<Created<AdminDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organizationId, CreateAdminRequest request, PolicyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var email = NormalizeEmail(request.Email);
        var errors = new Dictionary<string, string[]>();
        if (email.Length is 0 or > 320 || !email.Contains('@'))
        {
            errors["email"] = ["An email address is required."];
        }
        if (request.Password is not { Length: >= 12 and <= 200 })
        {
            errors["password"] = ["Use a password of 12 to 200 characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (await db.AdminAccounts.AnyAsync(a => a.Email == email, cancellationToken))
        {
            return TypedResults.Problem("An admin with this email exists.", statusCode: StatusCodes.Status409Conflict);
        }
        var admin = new AdminAccount { OrganizationId = organizationId, Email = email, PasswordHash = "", CreatedAt = clock.GetUtcNow() };
        admin.PasswordHash = Hasher.HashPassword(admin, request.Password!);
        db.AdminAccounts.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/internal/organizations/{organizationId}/admins/{admin.Id}",
            new AdminDto(admin.Id, admin.OrganizationId, admin.Email, admin.CreatedAt));
    }

    /// <summary>Emails are kept and compared in lower case, so sign-in does not depend on how one types them.</summary>
    private static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();
}
