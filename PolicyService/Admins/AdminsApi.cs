using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Admins;

public static class AdminsApi
{
    private const string SignInFailed = "The email or password is not correct.";

    private static PasswordHasher<AdminAccount> Hasher => AdminPasswords.Hasher;

    /// <summary>
    /// Verified when no account has the email, so an unknown email costs the same hashing
    /// time as a wrong password and the answer's timing does not tell which it was.
    /// </summary>
    private static readonly string DecoyHash = Hasher.HashPassword(
        new AdminAccount { Email = "", PasswordHash = "" }, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    public static void MapAdminsApi(this IEndpointRouteBuilder app)
    {
        var adminUi = app.MapInternalGroup("/admins", "Admins", InternalCaller.AdminUi);
        adminUi.MapPost("/sign-in", SignInAsync);
        adminUi.MapPost("/{adminId:guid}/password", ChangePasswordAsync);
        var @operator = app.MapInternalGroup("/admins", "Admins", InternalCaller.Operator);
        @operator.MapPost("/reset-password", ResetPasswordAsync);
        @operator.MapGet("/", FindByEmailAsync);
        var organizationAdmins = app.MapInternalGroup("/organizations/{organizationId:guid}/admins", "Admins", InternalCaller.Operator, InternalCaller.AdminUi);
        organizationAdmins.MapPost("/", CreateAsync);
        organizationAdmins.MapGet("/", ListAsync);
        organizationAdmins.MapDelete("/{adminId:guid}", RemoveAsync);
    }

    private static async Task<Results<Ok<SignedInAdminDto>, ProblemHttpResult>> SignInAsync(
        AdminSignInRequest request, PolicyDbContext db, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var email = AdminPasswords.NormalizeEmail(request.Email);
        // Reserved before the password is verified, so parallel guesses are counted too.
        if (!await throttle.TryReserveCheckAsync(email))
        {
            return TypedResults.Problem(
                $"Too many failed sign-ins for this email. Wait {SignInThrottle.Window.TotalMinutes:0} minutes and try again.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in paused");
        }
        var found = email.Length == 0 ? null : await db.AdminAccounts.AsNoTracking()
            .Where(a => a.Email == email)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { Admin = a, OrganizationName = o.Name, o.DisabledAt })
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
        // Told only to someone who knows the password: a disabled organization is no secret to its own admins.
        if (found.DisabledAt is not null)
        {
            return TypedResults.Problem(
                "This organization is disabled. Ask your provider to enable it again.",
                statusCode: StatusCodes.Status403Forbidden, title: "Organization disabled");
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await db.AdminAccounts.Where(a => a.Id == found.Admin.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, Hasher.HashPassword(found.Admin, request.Password!)), cancellationToken);
        }
        return TypedResults.Ok(new SignedInAdminDto(
            found.Admin.Id, found.Admin.Email, found.Admin.OrganizationId, found.OrganizationName, found.Admin.SessionStamp, found.Admin.MustChangePassword));
    }

    /// <summary>
    /// Adds an admin to an organization: the operator at onboarding, or another admin of the same
    /// organization in the Admin UI. Without a password, a one-time password is made and answered once.
    /// </summary>
    private static async Task<Results<Created<CreatedAdminDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organizationId, CreateAdminRequest request, PolicyDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var email = AdminPasswords.NormalizeEmail(request.Email);
        var errors = new Dictionary<string, string[]>();
        if (AdminPasswords.EmailProblem(email) is { } emailProblem)
        {
            errors["email"] = [emailProblem];
        }
        if (request.Password is not null && AdminPasswords.Problem(request.Password) is { } passwordProblem)
        {
            errors["password"] = [passwordProblem];
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
        string? oneTime = null;
        if (request.Password is null)
        {
            oneTime = AdminPasswords.SetOneTime(admin);
        }
        else
        {
            admin.PasswordHash = Hasher.HashPassword(admin, request.Password);
        }
        db.AdminAccounts.Add(admin);
        audit.Record(db, organizationId, AuditActions.AdminAdded, email);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/internal/organizations/{organizationId}/admins/{admin.Id}",
            new CreatedAdminDto(admin.Id, admin.OrganizationId, admin.Email, admin.CreatedAt, oneTime));
    }

    /// <summary>
    /// An admin replaces their own password; the current one must be given, so a left-open session cannot take the account.
    /// Every other session of the admin ends: the new stamp is answered for the session that made the change alone.
    /// </summary>
    private static async Task<Results<Ok<PasswordChangedDto>, NotFound, ValidationProblem>> ChangePasswordAsync(
        Guid adminId, ChangePasswordRequest request, PolicyDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var admin = await db.AdminAccounts.FirstOrDefaultAsync(a => a.Id == adminId, cancellationToken);
        if (admin is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        if (Hasher.VerifyHashedPassword(admin, admin.PasswordHash, request.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            errors["currentPassword"] = ["The current password is not correct."];
        }
        if (AdminPasswords.Problem(request.NewPassword) is { } problem)
        {
            errors["newPassword"] = [problem];
        }
        else if (request.NewPassword == request.CurrentPassword)
        {
            errors["newPassword"] = ["Choose a password different from the current one."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        admin.PasswordHash = Hasher.HashPassword(admin, request.NewPassword);
        admin.MustChangePassword = false;
        admin.RenewSessionStamp();
        audit.Record(db, admin.OrganizationId, AuditActions.PasswordChanged, admin.Email);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PasswordChangedDto(admin.SessionStamp));
    }

    /// <summary>The organization's admins, oldest first.</summary>
    private static async Task<Results<Ok<AdminSummaryDto[]>, NotFound>> ListAsync(
        Guid organizationId, PolicyDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await db.AdminAccounts.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Email)
            .Select(a => new AdminSummaryDto(a.Id, a.Email, a.CreatedAt, a.MustChangePassword))
            .ToArrayAsync(cancellationToken));
    }

    /// <summary>
    /// Removes an admin of this organization; their open sessions end with the row. An admin of
    /// another organization is a 404, like one that does not exist. The last admin stays (409): an
    /// organization without one could be managed by nobody but the operator. The operator's answer
    /// to a sole admin who is compromised is a password reset, which ends their sessions too.
    /// </summary>
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(
        Guid organizationId, Guid adminId, PolicyDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The organization's admins, locked: two admins removing each other at once cannot both pass
        // the last-admin check, since the second waits and then no longer sees the row the first removed.
        var admins = await db.AdminAccounts
            .FromSql($"SELECT * FROM admin_accounts WHERE organization_id = {organizationId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (admins.Find(a => a.Id == adminId) is not { } admin)
        {
            return TypedResults.NotFound();
        }
        if (admins.Count == 1)
        {
            return TypedResults.Problem("The organization's last admin cannot be removed. Add another admin first.",
                statusCode: StatusCodes.Status409Conflict, title: "Last admin");
        }
        db.AdminAccounts.Remove(admin);
        audit.Record(db, organizationId, AuditActions.AdminRemoved, admin.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The operator names admins by email; this finds the organization and id to act on.</summary>
    private static async Task<Results<Ok<AdminDto>, NotFound<ProblemDetails>>> FindByEmailAsync(
        string? email, PolicyDbContext db, CancellationToken cancellationToken)
    {
        var normalized = AdminPasswords.NormalizeEmail(email);
        return await db.AdminAccounts.AsNoTracking()
            .Where(a => a.Email == normalized)
            .Select(a => new AdminDto(a.Id, a.OrganizationId, a.Email, a.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken) is { } admin
            ? TypedResults.Ok(admin)
            : TypedResults.NotFound(new ProblemDetails { Title = "No admin has this email.", Status = StatusCodes.Status404NotFound });
    }

    /// <summary>The operator gives an admin who lost their password a one-time one; their open sessions end.</summary>
    private static async Task<Results<Ok<PasswordResetDto>, NotFound<ProblemDetails>>> ResetPasswordAsync(
        ResetAdminPasswordRequest request, PolicyDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var email = AdminPasswords.NormalizeEmail(request.Email);
        var admin = await db.AdminAccounts.FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        if (admin is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "No admin has this email.", Status = StatusCodes.Status404NotFound });
        }
        var password = AdminPasswords.SetOneTime(admin);
        audit.Record(db, admin.OrganizationId, AuditActions.PasswordReset, admin.Email);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PasswordResetDto(admin.Email, password));
    }
}
