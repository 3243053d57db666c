using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.Tests.Unit.Resources;

public sealed class AttributeProjectionTests
{
    private static AttributePath[]? Paths(string? list) => list?.Split(',').Select(FilterParser.ParseAttributePath).ToArray();

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "members", false)]
    [InlineData(null, "MEMBERS", false)]
    [InlineData(null, "members.value", true)]
    [InlineData(null, "displayName", true)]
    [InlineData("displayName", null, false)]
    [InlineData("members", null, true)]
    [InlineData("members.value", null, true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members", null, true)]
    public void GroupMembersAreLoadedOnlyWhenTheyWillBeReturned(string? attributes, string? excluded, bool loaded) =>
        Assert.Equal(loaded, AttributeProjection.Includes(ResourceTypes.Group, "members", Paths(attributes), Paths(excluded)));

    [Fact]
    public void IdIsAlwaysIncludedAndPasswordNever()
    {
        Assert.True(AttributeProjection.Includes(ResourceTypes.User, "id", Paths("userName"), null));
        Assert.False(AttributeProjection.Includes(ResourceTypes.User, "password", Paths("password"), null));
    }
}
