
namespace Provisioning.ScimService.Internal;

/// <summary>
/// The read API the Admin UI uses to show a connection's directory. It is never routed by the
/// Gateway (only /scim/v2 is), and it answers only callers holding the internal key.
/// </summary>
public static class InternalApi
{
    public static void MapInternalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalRoutes("/connections/{connectionId:guid}");
        group.MapDirectoryUsersApi();
        group.MapDirectoryGroupsApi();
    }
}
