using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Provisioning.AdminUi.Clients;

namespace Provisioning.AdminUi.Pages;

/// <summary>Every failure ends here: a clear message in the layout, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The page could not be shown. Try again in a moment.";
    public string TraceId { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        switch (error)
        {
            case null when status == 404:
                Heading = "Not found";
                Message = "There is nothing here, or it belongs to another organization.";
                Response.StatusCode = 404;
                break;
            case null when status == 400:
                Heading = "The form could not be accepted";
                Message = "It may have expired. Go back, reload the page and try again.";
                Response.StatusCode = 400;
                break;
            case null:
                Response.StatusCode = status ?? 500;
                break;
            case HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException:
                Heading = "A service is unavailable";
                Message = $"{ServiceOf(error)} cannot be reached right now, so this page cannot be shown and nothing was changed. Try again in a moment.";
                ViewData["Banner"] = Message;
                Response.StatusCode = 503;
                break;
            case ServiceException service:
                logger.LogError(service, "A service answered with an error.");
                Message = $"{service.Service} answered with an error, and nothing was changed. Try again; if it keeps happening, quote reference {TraceId}.";
                Response.StatusCode = 502;
                break;
            default:
                Message = $"The page failed. If it keeps happening, quote reference {TraceId}.";
                Response.StatusCode = 500;
                break;
        }
    }

    /// <summary>Which service failed, from the typed client on the failing call's stack.</summary>
    private static string ServiceOf(Exception error) =>
        error.StackTrace is { } stack && (stack.Contains(nameof(DirectoryClient), StringComparison.Ordinal) || stack.Contains(nameof(RealmsClient), StringComparison.Ordinal))
            ? "The directory service (ScimService)"
            : "The settings service (PolicyService)";
}
