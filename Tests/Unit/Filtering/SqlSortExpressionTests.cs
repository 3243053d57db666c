using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.Filtering.SqlTranslation;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class SqlSortExpressionTests
{
    private static string Sort(string sortBy, ResourceTypeDefinition? type = null) =>
        SqlFilterTranslator.SortExpression(FilterParser.ParseAttributePath(sortBy), type ?? ResourceTypes.User);

    [Theory]
    [InlineData("userName", "r.user_name_key")]
    [InlineData("displayName", "lower(r.display_name)")]
    [InlineData("externalId", "r.external_id")]
    [InlineData("id", "r.id")]
    [InlineData("active", "r.active")]
    [InlineData("meta.created", "r.created")]
    [InlineData("meta.lastModified", "r.last_modified")]
    [InlineData("title", "lower(r.attributes->>'title')")]
    [InlineData("name.familyName", "lower(r.attributes->'name'->>'familyName')")]
    [InlineData("department", "lower(r.attributes->'" + Enterprise + "'->>'department')")]
    [InlineData(Enterprise + ":manager.value", "lower(r.attributes->'" + Enterprise + "'->'manager'->>'value')")]
    public void SingularAttributesSortByTheirColumnOrDocumentValue(string sortBy, string expression) =>
        Assert.Equal(expression, Sort(sortBy));

    [Fact]
    public void GroupsSortByDisplayNameThroughItsLowerCaseKey() =>
        Assert.Equal("r.display_name_key", Sort("displayName", ResourceTypes.Group));

    [Theory]
    [InlineData("emails", "value")]
    [InlineData("emails.type", "type")]
    public void AMultiValuedAttributeSortsByItsPrimaryValueElseItsFirst(string sortBy, string sub) => Assert.Equal(
        $"(SELECT lower(e.v->>'{sub}') FROM {EmailElements} WITH ORDINALITY AS e(v, n) ORDER BY COALESCE(lower(e.v->>'primary') = 'true', FALSE) DESC, e.n LIMIT 1)",
        Sort(sortBy));

    [Theory]
    [InlineData("name", "User", ScimType.InvalidValue, "Cannot sort by 'name': it is complex; sort by one of its sub-attributes, such as 'name.formatted'.")]
    [InlineData("addresses", "User", ScimType.InvalidValue, "Cannot sort by 'addresses': name one of its sub-attributes, such as 'addresses.formatted'.")]
    [InlineData("members", "Group", ScimType.InvalidValue, "Cannot sort by 'members': it is a list of references; sort by a singular attribute.")]
    [InlineData("groups.value", "User", ScimType.InvalidValue, "Cannot sort by 'groups.value': it is a list of references; sort by a singular attribute.")]
    [InlineData("password", "User", ScimType.InvalidValue, "Cannot sort by 'password': it is not stored in a form the server can sort by.")]
    [InlineData("meta.resourceType", "User", ScimType.InvalidValue, "Cannot sort by 'meta.resourceType': it is not stored in a form the server can sort by.")]
    [InlineData("bogus", "User", ScimType.InvalidPath, "'bogus' is not an attribute of the User resource type.")]
    public void AttributesThatCannotBeSortedByAreRefused(string sortBy, string type, string scimType, string detail)
    {
        var error = Assert.Throws<ScimProtocolException>(() => Sort(sortBy, type == "User" ? ResourceTypes.User : ResourceTypes.Group));
        Assert.Equal(400, error.Status);
        Assert.Equal(scimType, error.ScimType);
        Assert.Equal(detail, error.Message);
    }
}
