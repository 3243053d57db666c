using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The name a request's server span should carry instead of its route template (every Gateway
/// request matches <c>/scim/v2/{**rest}</c>, which says nothing). Set during the request; applied when the span ends.
/// </summary>
public static class SpanName
{
    public const string Key = "provisioning.span_name";

    public static void Set(HttpContext context, string name) => context.Items[Key] = name;
}
