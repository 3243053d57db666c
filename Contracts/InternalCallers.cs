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

/// <summary>
/// A service's internal API keys, one configuration section: the keys it accepts, one per caller
/// (<c>InternalApi:Callers:{Caller}</c>), and the key it presents itself when it calls another
/// service's internal API (<c>InternalApi:Key</c>). All are Aspire parameters.
/// </summary>
public sealed class InternalApiOptions
{
    public const string Section = "InternalApi";

    public Dictionary<InternalCaller, string> Callers { get; set; } = [];

    public string Key { get; set; } = "";
}

public static class InternalCallers
{
    /// <summary>Binds the keys and stops start-up, naming the setting, when an expected caller (or the service's own key) has none.</summary>
    public static void AddInternalApiKeys(this IServiceCollection services, bool presentsOwnKey, params InternalCaller[] expected) =>
        services.AddOptions<InternalApiOptions>()
            .BindConfiguration(InternalApiOptions.Section)
            .Validate(keys => expected.All(caller => keys.Callers.GetValueOrDefault(caller) is { Length: >= 32 }),
                "Every caller needs a key of 32 characters or more: " + string.Join(", ", expected.Select(c => $"{InternalApiOptions.Section}:Callers:{c}")) + ".")
            .Validate(keys => !presentsOwnKey || keys.Key.Length >= 32, $"{InternalApiOptions.Section}:Key needs a key of 32 characters or more.")
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
            var keys = http.RequestServices.GetRequiredService<IOptions<InternalApiOptions>>().Value.Callers;
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
