using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol;

public static class JsonMembers
{
    /// <summary>
    /// A message's members by name, ignoring case as SCIM does; a name given twice in different
    /// case (<c>"filter"</c> and <c>"Filter"</c>) is refused, since either reading would be a guess.
    /// </summary>
    public static Dictionary<string, JsonNode?> ByName(JsonObject message, string what)
    {
        var members = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in message)
        {
            if (!members.TryAdd(name, value))
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"'{name}' is given twice in {what} (names ignore case).");
            }
        }
        return members;
    }
}
