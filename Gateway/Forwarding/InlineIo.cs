using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Console;

namespace Provisioning.Gateway.Forwarding;

/// <summary>
/// The Gateway runs a request on the socket thread that read it, as nginx's event loop does, instead of handing
/// it to the thread pool at every step (the client's socket, Kestrel's pipe, YARP's send, ScimService's answer,
/// the copy back). A proxied request is microseconds of work between those steps; each hand-off wakes another
/// thread, and on cores the Gateway shares with ScimService and PostgreSQL those wake-ups preempt them, a cost
/// nginx's single event loop does not pay (docs/benchmarks.md, "The Gateway's cost per request", with what
/// could and could not be measured of it, and the A/B: the variable set to 0).
/// <para>
/// What it asks of the code: nothing on the request path may block a thread. The Gateway waits only
/// asynchronously (PolicyService, Redis, ScimService); its locks are held for a few instructions; and a flood
/// of log lines drops lines instead of making a socket thread wait for the console. The runtime reads the
/// variable once, when the first socket is used, so <see cref="Enable"/> runs first thing in Program.cs; an
/// operator who sets it (to 0, say) keeps their value, and Kestrel follows the same decision.
/// </para>
/// </summary>
public static class InlineIo
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Sets the runtime's switch unless the environment already decides it; true when sockets complete inline.</summary>
    public static bool Enable()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
        return Environment.GetEnvironmentVariable(Variable) == "1";
    }

    public static void AddInlineIo(this IHostApplicationBuilder builder, bool inline)
    {
        // Kestrel's own hand-offs (from the socket to the connection's pipe, and on to the application).
        builder.Services.Configure<SocketTransportOptions>(options => options.UnsafePreferInlineScheduling = inline);
        // The console logger writes from a queue; when the queue is full it would make the caller wait.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
    }
}
