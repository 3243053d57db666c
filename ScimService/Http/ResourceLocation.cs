namespace Provisioning.ScimService.Http;

public static class ResourceLocation
{
    /// <summary>The resource's URL as the client sees it: the Gateway's forwarded scheme and host, not ours.</summary>
    public static string For(HttpRequest request, string endpoint, Guid id) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/scim/v2{endpoint}/{id}";
}
