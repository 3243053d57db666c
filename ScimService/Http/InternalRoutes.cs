using System.ComponentModel.DataAnnotations;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Http;

public sealed class InternalKeyOptions
{
    public const string Section = "InternalApi";

    /// <summary>The key ScimService presents to PolicyService's internal API (the Aspire parameter scimservice-api-key).</summary>
    [Required, MinLength(32)]
    public string Key { get; set; } = "";
}

public static class InternalRoutes
{
    /// <summary>
    /// A route group under /internal that answers only the named callers, each by its own key
    /// (the Admin UI unless said otherwise). The Gateway never routes /internal.
    /// </summary>
    public static RouteGroupBuilder MapInternalRoutes(this IEndpointRouteBuilder app, string prefix, params InternalCaller[] callers) =>
        app.MapGroup("/internal" + prefix).AllowCallers(callers.Length == 0 ? [InternalCaller.AdminUi] : callers);
}
