using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Provisioning.Contracts;

/// <summary>The services (and the operator tool) that call each other's internal APIs, each with its own key.</summary>
public enum InternalCaller
{
    Gateway,
    ScimService,
    AdminUi,
    Operator,
}

/// <summary>The keys this service accepts, one per caller (<c>InternalApi:Callers:{Caller}</c>, Aspire parameters).</summary>
public sealed class InternalCallerKeys
{
    public const string Section = "InternalApi";

    public Dictionary<InternalCaller, string> Callers { get; set; } = [];
}

public static class InternalCallers
{
    /// <summary>Binds the accepted keys and stops start-up, naming the setting, when an expected caller has none.</summary>
    public static void AddInternalCallerKeys(this IServiceCollection services, params InternalCaller[] expected) =>
        services.AddOptions<InternalCallerKeys>()
            .BindConfiguration(InternalCallerKeys.Section)
            .Validate(keys => expected.All(caller => keys.Callers.GetValueOrDefault(caller) is { Length: >= 32 }),
                "Every caller needs a key of 32 characters or more: " + string.Join(", ", expected.Select(c => $"{InternalCallerKeys.Section}:Callers:{c}")) + ".")
            .ValidateOnStart();

    /// <summary>
    /// Routes that answer only the named callers. Any other key, even another service's valid
    /// one, gets a 401 ProblemDetails: each caller reaches only the routes it needs.
    /// </summary>
    public static TBuilder AllowCallers<TBuilder>(this TBuilder builder, params InternalCaller[] allowed)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var keys = http.RequestServices.GetRequiredService<IOptions<InternalCallerKeys>>().Value.Callers;
            var presented = http.Request.Headers[InternalHeaders.ApiKey].ToString();
            var accepted = false;
            foreach (var caller in allowed)
            {
                // Every allowed key is compared, so the time taken does not tell which one nearly matched.
                accepted |= keys.TryGetValue(caller, out var key) && InternalApiKey.Matches(presented, key);
            }
            return accepted
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The internal API key is missing, wrong, or not allowed on this route.");
        });
}
