using System.Text.Json;
using Provisioning.ScimService.Listing;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Querying;

namespace Provisioning.ScimService.Users;

/// <summary>
/// The look-up an IdP makes before each create and during each sync: <c>filter=userName eq "x"</c> (Okta,
/// Entra) or <c>externalId eq "x"</c>, the first page in id order. It runs as one of the statements of
/// <see cref="UserReads"/>, so it costs what a GET by id costs; any other list takes the general path
/// (<see cref="ResourceListing"/>), which composes its SQL per request. Both give the same page.
/// </summary>
public static class UserLookup
{
    /// <summary>The page, or null when the query is not such a look-up or its matches fill more than the page.</summary>
    public static async Task<ResourcePage<UserWithGroups>?> TryFindAsync(ScimDbContext db, Guid connectionId, ListQuery query, CancellationToken cancellationToken)
    {
        if (query is not { SortBy: null, Cursor: null, StartIndex: 1, Count: > 0, Filter: ComparisonFilter { Operator: ComparisonOperator.Eq } comparison }
            || comparison.Path is not { SubAttribute: null } path
            || path.SchemaUrn is { } urn && !urn.Equals(ScimSchemas.User, StringComparison.OrdinalIgnoreCase)
            || comparison.Value?.GetValueKind() != JsonValueKind.String
            || comparison.Value.GetValue<string>() is not { } value
            || !StorableText.IsStorable(value))
        {
            return null;
        }
        // One row more than the page tells whether the matches end inside it; then their count is the page's.
        var limit = query.Count + 1;
        var page = path.Name.ToLowerInvariant() switch
        {
            "username" => await UserReads.ByUserNameAsync(db, connectionId, value, limit, cancellationToken),
            "externalid" => await UserReads.ByExternalIdAsync(db, connectionId, value, limit, cancellationToken),
            _ => null,
        };
        if (page is null)
        {
            return null;
        }
        return page.Count > query.Count ? null : new ResourcePage<UserWithGroups>(page, page.Count, null);
    }
}
