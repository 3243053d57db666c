namespace Provisioning.AppHost;

/// <summary>
/// Which traces the services record (docs/observability.md#sampling). In production a trace is sampled
/// once, where it starts, for a share of requests (<see cref="ProductionRatio"/>), and every service
/// follows the decision it is handed in <c>traceparent</c>; a request that arrives already sampled is
/// recorded everywhere. With no sampler every request's spans were built and tagged in every service, kept or
/// not (docs/benchmarks.md, "The Gateway's cost per request"). Outside
/// production nothing is set and the SDK's default records every trace. The operator overrides either
/// value with the standard variables on the AppHost (<c>OTEL_TRACES_SAMPLER</c>, <c>OTEL_TRACES_SAMPLER_ARG</c>).
/// </summary>
public static class TraceSampling
{
    public const string Sampler = "OTEL_TRACES_SAMPLER";
    public const string SamplerArgument = "OTEL_TRACES_SAMPLER_ARG";
    public const string ProductionSampler = "parentbased_traceidratio";
    public const string ProductionRatio = "0.1";

    public static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder)
    {
        var sampler = builder.Configuration[Sampler] ?? (ProductionMode.IsOn(builder) ? ProductionSampler : null);
        if (sampler is null)
        {
            return project;
        }
        project.WithEnvironment(Sampler, sampler);
        var argument = builder.Configuration[SamplerArgument] ?? (sampler == ProductionSampler ? ProductionRatio : null);
        return argument is null ? project : project.WithEnvironment(SamplerArgument, argument);
    }
}
