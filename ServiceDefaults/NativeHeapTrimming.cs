using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Gives the kernel back the native heap's free pages every half minute. glibc keeps what it freed inside its heap
/// and returns only a free tail past a threshold that grows with the largest block it has seen; the runtime's JIT and
/// type loader allocate and free natively in bursts (at start-up, at a new code path), which leaves free pages
/// scattered. <c>malloc_trim(0)</c> releases every whole free page: 6-9 MB of PolicyService and the Gateway after
/// the benchmark's load (docs/benchmarks.md, "The young generation's budget, and the native heap"). It takes the
/// heap's lock for the walk, well under a millisecond at these sizes. musl (the container images) has no such call
/// and returns freed pages itself: there the first attempt finds no entry point and the service stops trying.
/// </summary>
internal sealed class NativeHeapTrimming(ILogger<NativeHeapTrimming> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                MallocTrim(0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                logger.LogDebug("The C library has no malloc_trim; the native heap is left to it.");
                return;
            }
        }
    }

    // DllImport, not LibraryImport: the call passes and returns plain integers, and needs no unsafe code.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
