namespace Provisioning.AdminUi.Clients;

/// <summary>
/// A service answered with an error the page cannot turn into a message of its own. The Error
/// page shows it as a banner; the detail goes to the log, never to the browser.
/// </summary>
public sealed class ServiceException(string service, string detail) : Exception($"{service} answered {detail}.")
{
    public string Service { get; } = service;

    public static async Task EnsureSuccessAsync(string service, HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new ServiceException(service,
                $"{(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {body[..Math.Min(body.Length, 500)]}");
        }
    }
}
