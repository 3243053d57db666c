using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Writes;
using Provisioning.ScimService.Users;

namespace Provisioning.ScimService.Bulk;

/// <summary>Sends one bulk operation (its data and version ride on its <see cref="ScimCall"/>) to the Users or Groups operation its method and path name.</summary>
public static class BulkDispatch
{
    public static Task<ScimJsonResult> RunAsync(BulkOperation op, ScimCall call, ScimDbContext db, ScimWrites writes, MembershipDeltas memberships, CancellationToken ct)
    {
        var target = op.Target();
        var id = target?.Id;
        return (target?.Endpoint, op.Method) switch
        {
            _ when target is null || (op.Method == "POST") != (id is null) => Task.FromResult(InvalidPath(op)),
            ("users", "POST") => UsersApi.CreateAsync(call, db, writes, ct),
            ("users", "PUT") => UsersApi.ReplaceAsync(id!, call, db, writes, ct),
            ("users", "PATCH") => UsersApi.PatchAsync(id!, call, db, writes, ct),
            ("users", "DELETE") => UsersApi.DeleteAsync(id!, call, db, writes, ct),
            ("groups", "POST") => GroupsApi.CreateAsync(call, db, writes, memberships, ct),
            ("groups", "PUT") => GroupsApi.ReplaceAsync(id!, call, db, writes, memberships, ct),
            ("groups", "PATCH") => GroupsApi.PatchAsync(id!, call, db, writes, memberships, ct),
            ("groups", "DELETE") => GroupsApi.DeleteAsync(id!, call, db, writes, ct),
            _ => Task.FromResult(InvalidPath(op)),
        };
    }

    private static ScimJsonResult InvalidPath(BulkOperation op) => ScimResults.Error(StatusCodes.Status400BadRequest,
        $"'{op.Method} {op.Path}' is not an operation this server runs in bulk: use POST /Users or /Groups, or PUT, PATCH or DELETE /Users/{{id}} or /Groups/{{id}}.",
        ScimType.InvalidPath);
}
