using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Provisioning.AdminUi.Clients;

/// <summary>
/// A service's 400/409 answer as messages a page can show beside its fields: the keys are the
/// API's field names (camelCase), "" holds a message for the whole form.
/// </summary>
public sealed record ServiceRefusal(IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<ServiceRefusal?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Conflict))
        {
            return null;
        }
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, messages) in problem?.Errors ?? new Dictionary<string, string[]>())
        {
            errors[key] = messages;
        }
        if (errors.Count == 0)
        {
            errors[""] = [problem?.Detail ?? problem?.Title ?? "The service refused the change."];
        }
        return new ServiceRefusal(errors);
    }

    /// <summary>Puts each message beside the page's field for it (by the API's name), the rest above the form.</summary>
    public void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var (key, messages) in Errors)
        {
            var field = fields.TryGetValue(key, out var name) ? name : string.Empty;
            foreach (var message in messages)
            {
                modelState.AddModelError(field, message);
            }
        }
    }
}
