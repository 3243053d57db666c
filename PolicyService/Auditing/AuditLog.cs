using Provisioning.Contracts;
using Provisioning.PolicyService.Data;

namespace Provisioning.PolicyService.Auditing;

/// <summary>
/// Adds an audit entry to the request's DbContext, so it is saved with the change it records or
/// not at all. Who and from where come from the calling service: the Admin UI names the signed-in
/// admin and the browser's address, the operator tool names itself.
/// </summary>
public sealed class AuditLog(IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(PolicyDbContext db, Guid? organizationId, string action, string target = "")
    {
        var headers = http.HttpContext?.Request.Headers;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            OrganizationId = organizationId,
            Actor = Clip(headers?[InternalHeaders.Actor].ToString(), 320) is { Length: > 0 } actor ? actor : "unknown",
            // The Admin UI names the browser's address; the operator tool is the caller itself.
            ActorIp = Clip(headers?[InternalHeaders.ActorIp].ToString(), 64) is { Length: > 0 } ip ? ip : http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Action = action,
            Target = Clip(target, 400),
        });
    }

    private static string Clip(string? value, int length) => value is null ? "" : value.Length <= length ? value : value[..length];
}
