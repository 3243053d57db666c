using Provisioning.ScimService.Listing;
using Provisioning.ScimService.Protocol.Querying;

namespace Provisioning.ScimService.Groups;

/// <summary>
/// A response carries at most <see cref="MaxMembersPerResponse"/> member values, so a page of
/// groups whose members total millions cannot exhaust the service's memory (docs/scim.md). A list
/// page ends early instead — <c>itemsPerPage</c> below <c>count</c>, which RFC 7644 §3.4.2.4
/// allows — and the client's next page goes on from there. Entra reads groups with
/// <c>excludedAttributes=members</c> and Okta pushes members by PATCH, so neither meets the cap.
/// </summary>
public static class MemberBudget
{
    public const int MaxMembersPerResponse = 10_000;

    public static async Task<ResourcePage<ScimGroup>> FitAsync(ResourcePage<ScimGroup> page, ListQuery query, ScimDbContext db, Guid connectionId, CancellationToken cancellationToken)
    {
        if (page.Resources.Count <= 1)
        {
            return page;
        }
        var counts = await Memberships.MemberCountsAsync(db, connectionId, [.. page.Resources.Select(g => g.Id)], cancellationToken);
        var kept = new List<ScimGroup>();
        var members = 0;
        foreach (var group in page.Resources)
        {
            var count = counts.GetValueOrDefault(group.Id);
            // The first group always goes in; alone, it is cut to the cap where it is read.
            if (kept.Count > 0 && members + count > MaxMembersPerResponse)
            {
                break;
            }
            kept.Add(group);
            members += count;
        }
        return kept.Count == page.Resources.Count
            ? page
            : page with { Resources = kept, NextCursor = query.UsesCursor ? Cursors.Encode(kept[^1].Id) : null };
    }
}
