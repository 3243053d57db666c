using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class PathParserTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("emails", null, "emails", null)]
    [InlineData("name.familyName", null, "name", "familyName")]
    [InlineData("members", null, "members", null)]
    [InlineData(Enterprise + ":manager", Enterprise, "manager", null)]
    [InlineData(Enterprise + ":manager.value", Enterprise, "manager", "value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", "urn:ietf:params:scim:schemas:core:2.0:User", "name", "givenName")]
    [InlineData("members.$ref", null, "members", "$ref")]
    public void APlainPatchPathNamesAnAttribute(string text, string? urn, string name, string? sub)
    {
        var path = FilterParser.ParsePatchPath(text);
        Assert.Equal(new AttributePath(urn, name, sub), path.Attribute);
        Assert.Null(path.ValueFilter);
        Assert.Null(path.SubAttribute);
    }

    [Theory]
    [InlineData("emails[type eq \"work\"]", "emails", "type eq \"work\"", null)]
    [InlineData("emails[type eq \"work\"].value", "emails", "type eq \"work\"", "value")]
    [InlineData("addresses[type eq \"work\"].streetAddress", "addresses", "type eq \"work\"", "streetAddress")]
    [InlineData("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]", "members", "value eq \"2819c223-7f76-453a-919d-413861904646\"", null)]
    [InlineData("emails[type eq \"work\" and primary eq true].display", "emails", "(type eq \"work\" and primary eq true)", "display")]
    public void APatchPathMayFilterTheValuesOfAnAttribute(string text, string name, string filter, string? sub)
    {
        var path = FilterParser.ParsePatchPath(text);
        Assert.Equal(new AttributePath(null, name, null), path.Attribute);
        Assert.Equal(filter, FilterNotation.Of(path.ValueFilter!));
        Assert.Equal(sub, path.SubAttribute);
    }

    [Theory]
    [InlineData("", "The path is empty.")]
    [InlineData("emails[", "Expected an attribute name, 'not' or '(' at position 8, found the end.")]
    [InlineData("emails]", "Expected '[' or the end of the path at position 7, found ']'.")]
    [InlineData("emails[type eq \"work\"] x", "Expected '.' or the end of the path at position 24, found 'x'.")]
    [InlineData("emails[type eq \"work\"].value.x", "Expected a sub-attribute name after '.' at position 23, found 'value.x' at position 24.")]
    [InlineData("name.givenName[type pr]", "Expected the end of the path after 'name.givenName' at position 15, found '['.")]
    [InlineData("emails[type eq]", "after 'eq' at position 15, found ']'")]
    [InlineData("\"emails\"", "Expected an attribute name at the start of the path (position 1), found '\"emails\"'.")]
    public void AMalformedPatchPathIsInvalidPath(string text, string expected)
    {
        var error = Assert.Throws<ScimProtocolException>(() => FilterParser.ParsePatchPath(text));
        Assert.Equal(400, error.Status);
        Assert.Equal(ScimType.InvalidPath, error.ScimType);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("userName", null, "userName", null)]
    [InlineData(" name.givenName ", null, "name", "givenName")]
    [InlineData(Enterprise + ":department", Enterprise, "department", null)]
    [InlineData("meta.lastModified", null, "meta", "lastModified")]
    public void AnAttributePathForSortingOrSelecting(string text, string? urn, string name, string? sub) =>
        Assert.Equal(new AttributePath(urn, name, sub), FilterParser.ParseAttributePath(text));

    [Theory]
    [InlineData("emails[type eq \"work\"]", "Expected the end of the attribute path at position 7, found '['.")]
    [InlineData("user name", "Expected the end of the attribute path at position 6, found 'name'.")]
    [InlineData("a.b.c", "names more than one sub-attribute")]
    [InlineData("", "The attribute path is empty.")]
    public void AMalformedAttributePathIsInvalidPath(string text, string expected)
    {
        var error = Assert.Throws<ScimProtocolException>(() => FilterParser.ParseAttributePath(text));
        Assert.Equal(ScimType.InvalidPath, error.ScimType);
        Assert.Contains(expected, error.Message);
    }
}
