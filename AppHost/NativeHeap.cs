namespace Provisioning.AppHost;

/// <summary>
/// glibc's allocator gives threads that allocate at once arenas of their own, up to eight per core, and keeps what
/// each one touched. The runtime allocates natively a little on many threads (the JIT among them): capped at two
/// arenas, the Gateway ran at about 130 MB after the benchmark's load instead of 150 (docs/benchmarks.md,
/// "The benchmark's order, and memory settings", R4 and R6).
/// The container images run on musl, which has no such arenas.
/// </summary>
public static class NativeHeap
{
    public static IResourceBuilder<ProjectResource> WithFewNativeArenas(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment("MALLOC_ARENA_MAX", "2");
}
