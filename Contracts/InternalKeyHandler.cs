using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Provisioning.Contracts;

/// <summary>
/// Presents the calling service's own internal key on every request of a typed client: the one place
/// a key leaves a service. Each caller has its own key (<see cref="InternalCaller"/>); the receiving
/// service accepts it only on the routes that caller needs (<see cref="InternalCallers.AllowCallers"/>).
/// </summary>
public sealed class InternalKeyHandler(Func<string> key) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retry sends the same message again: the header is set, never added twice.
        request.Headers.Remove(InternalHeaders.ApiKey);
        request.Headers.Add(InternalHeaders.ApiKey, key());
        return base.SendAsync(request, cancellationToken);
    }
}

public static class InternalKeyClients
{
    /// <summary>The client presents the key its service's options hold (validated at start-up).</summary>
    public static IHttpClientBuilder WithInternalKey<TOptions>(this IHttpClientBuilder client, Func<TOptions, string> key) where TOptions : class =>
        client.AddHttpMessageHandler(services =>
        {
            var options = services.GetRequiredService<IOptions<TOptions>>();
            return new InternalKeyHandler(() => key(options.Value));
        });
}
