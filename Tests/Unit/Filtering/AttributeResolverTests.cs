using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class AttributeResolverTests
{
    private static ResolvedAttribute ResolveUser(string path) =>
        AttributeResolver.Resolve(ResourceTypes.User, FilterParser.ParseAttributePath(path));

    [Theory]
    [InlineData("userName", ScimSchemas.User, "userName", null)]
    [InlineData("USERNAME", ScimSchemas.User, "userName", null)]
    [InlineData("name.GIVENNAME", ScimSchemas.User, "name", "givenName")]
    [InlineData("emails.value", ScimSchemas.User, "emails", "value")]
    [InlineData("department", ScimSchemas.EnterpriseUser, "department", null)]
    [InlineData("manager.value", ScimSchemas.EnterpriseUser, "manager", "value")]
    [InlineData(ScimSchemas.EnterpriseUser + ":Department", ScimSchemas.EnterpriseUser, "department", null)]
    [InlineData(ScimSchemas.User + ":name.givenName", ScimSchemas.User, "name", "givenName")]
    [InlineData("urn:IETF:params:scim:schemas:core:2.0:user:userName", ScimSchemas.User, "userName", null)]
    public void PathsResolveCaseInsensitivelyCoreFirstThenExtensions(string path, string schema, string attribute, string? sub)
    {
        var resolved = ResolveUser(path);
        Assert.Equal(schema, resolved.Schema.Id);
        Assert.Equal(attribute, resolved.Attribute.Name);
        Assert.Equal(sub, resolved.SubAttribute?.Name);
        Assert.False(resolved.IsCommon);
    }

    [Theory]
    [InlineData("id", "id", null)]
    [InlineData("externalId", "externalId", null)]
    [InlineData("meta.lastModified", "meta", "lastModified")]
    [InlineData("meta.created", "meta", "created")]
    [InlineData("meta.resourceType", "meta", "resourceType")]
    [InlineData("meta.location", "meta", "location")]
    [InlineData("meta.version", "meta", "version")]
    [InlineData("schemas", "schemas", null)]
    [InlineData(ScimSchemas.User + ":id", "id", null)]
    public void CommonAttributesResolveWithTheCoreSchema(string path, string attribute, string? sub)
    {
        var resolved = ResolveUser(path);
        Assert.Same(ResourceTypes.User.Schema, resolved.Schema);
        Assert.Equal(attribute, resolved.Attribute.Name);
        Assert.Equal(sub, resolved.SubAttribute?.Name);
        Assert.True(resolved.IsCommon);
    }

    [Theory]
    [InlineData("displayName", null)]
    [InlineData("members.value", "value")]
    [InlineData("members.$ref", "$ref")]
    public void GroupPathsResolveAgainstTheGroupSchema(string path, string? sub)
    {
        var resolved = AttributeResolver.Resolve(ResourceTypes.Group, FilterParser.ParseAttributePath(path));
        Assert.Equal(ScimSchemas.Group, resolved.Schema.Id);
        Assert.Equal(sub, resolved.SubAttribute?.Name);
    }

    [Theory]
    [InlineData("nickname2", "'nickname2' is not an attribute of the User resource type.")]
    [InlineData("name.nickName", "'nickName' is not a sub-attribute of 'name'. Its sub-attributes are: formatted, familyName")]
    [InlineData("userName.first", "'userName' has no sub-attributes, so 'userName.first' does not exist.")]
    [InlineData("urn:example:schema:User:userName", "'urn:example:schema:User' is not a schema of the User resource type.")]
    [InlineData(ScimSchemas.EnterpriseUser + ":userName", "'userName' is not an attribute of the schema '" + ScimSchemas.EnterpriseUser + "'.")]
    [InlineData(ScimSchemas.EnterpriseUser + ":id", "'id' is not an attribute of the schema")]
    [InlineData("members", "'members' is not an attribute of the User resource type.")]
    public void UnknownAttributesAreNamedInTheError(string path, string expected)
    {
        var error = Assert.Throws<ScimProtocolException>(() => ResolveUser(path));
        Assert.Equal(400, error.Status);
        Assert.Equal(ScimType.InvalidPath, error.ScimType);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TheCallerChoosesTheErrorType()
    {
        var error = Assert.Throws<ScimProtocolException>(() =>
            AttributeResolver.Resolve(ResourceTypes.Group, new AttributePath(null, "userName", null), ScimType.InvalidFilter));
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
    }
}
