using System.Collections;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService;
using Provisioning.ScimService.Users;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

/// <summary>
/// The reads below EF (<see cref="UserReads"/>) map their columns by position. Every property EF maps on a
/// user must come back from them as EF reads it; a property added to the entity and not to their SQL fails here.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class UserReadsTests(ProvisioningApp app)
{
    [Fact]
    public async Task TheReadsBelowEfReturnEveryPropertyOfAUserAsEfReadsIt()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique("Reads");
        var created = await tenant.Scim.CreateUserAsync(userName, """ "externalId": "ext-reads" """);
        await using var db = await app.CreateScimDbContextAsync();
        var connectionId = tenant.Connection.Id;
        var id = Guid.Parse(created.Id());

        var byEf = await db.Users.AsNoTracking().SingleAsync(u => u.ConnectionId == connectionId && u.Id == id);
        var reads = new[]
        {
            (await UserReads.FindAsync(db, connectionId, id, withGroups: false, CancellationToken.None))!.User,
            (await UserReads.FindAsync(db, connectionId, id, withGroups: true, CancellationToken.None))!.User,
            Assert.Single(await UserReads.ByUserNameAsync(db, connectionId, userName.ToUpperInvariant(), 2, CancellationToken.None)).User,
            Assert.Single(await UserReads.ByExternalIdAsync(db, connectionId, "ext-reads", 2, CancellationToken.None)).User,
        };

        var properties = db.Model.FindEntityType(typeof(ScimUser))!.GetProperties().Select(p => p.PropertyInfo!).ToList();
        Assert.Equal(typeof(ScimUser).GetProperties().Length, properties.Count);
        Assert.All(reads, read => Assert.All(properties, property =>
        {
            var expected = property.GetValue(byEf);
            var actual = property.GetValue(read);
            Assert.True(expected is IEnumerable sequence and not string
                ? sequence.Cast<object>().SequenceEqual(((IEnumerable)actual!).Cast<object>())
                : Equals(expected, actual), $"{property.Name}: EF read {expected}, the read below EF {actual}");
        }));
    }
}
