using System.Buffers;
using System.Text.Json;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.Users;
using Microsoft.AspNetCore.Http;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Resources;

public sealed class ResourceWriterTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string Always = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + Enterprise + "'],'id':'0198c6a4-0000-7000-8000-000000000001'";
    private const string Meta = "'meta':{'resourceType':'User','created':'2026-11-30T08:00:00.000Z','lastModified':'2026-11-30T09:00:00.000Z'," +
        "'location':'https://scim.example.com/scim/v2/Users/0198c6a4-0000-7000-8000-000000000001','version':'W/\\u00223\\u0022'}";
    private const string Groups = "'groups':[{'value':'0198c6a4-0000-7000-8000-0000000000a1','$ref':'https://scim.example.com/scim/v2/Groups/0198c6a4-0000-7000-8000-0000000000a1','display':'Sales','type':'direct'}]";

    /// <summary>A user as stored: what the client sent, normalized (a password is never stored; it is here to prove it is never shown).</summary>
    private static readonly ResourceParts StoredUser = new(
        Guid.Parse("0198c6a4-0000-7000-8000-000000000001"),
        Json("{'userName':'jo','name':{'givenName':'Jo','familyName':'Doe'},'emails':[{'value':'jo@example.com','type':'work','primary':true}]," +
            "'password':'never-shown','" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}").ToJsonString(),
        "groups",
        [new ResourceReference(Guid.Parse("0198c6a4-0000-7000-8000-0000000000a1"), "https://scim.example.com/scim/v2/Groups/0198c6a4-0000-7000-8000-0000000000a1", "Sales", "direct")],
        "User",
        DateTimeOffset.Parse("2026-11-30T08:00:00Z"), DateTimeOffset.Parse("2026-11-30T09:00:00Z"),
        "https://scim.example.com/scim/v2/Users/0198c6a4-0000-7000-8000-000000000001", 3);

    private static AttributePath[]? Paths(string? list) => list?.Split(',').Select(FilterParser.ParseAttributePath).ToArray();

    private static JsonNode Written(ResourceParts resource, ResourceTypeDefinition type, string? attributes = null, string? excluded = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new ResourceWriter(type, new Projection(Paths(attributes), Paths(excluded))).Write(writer, resource);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    public static TheoryData<string?, string?, string> Selections => new()
    {
        { null, null, "{" + Always + "," + Meta + ",'userName':'jo','name':{'givenName':'Jo','familyName':'Doe'}," +
            "'emails':[{'value':'jo@example.com','type':'work','primary':true}]," + Groups + "," +
            "'" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}" },
        { "userName", null, "{" + Always + ",'userName':'jo'}" },
        { "USERNAME,password", null, "{" + Always + ",'userName':'jo'}" },
        { "name.givenName", null, "{" + Always + ",'name':{'givenName':'Jo'}}" },
        { "emails.value", null, "{" + Always + ",'emails':[{'value':'jo@example.com'}]}" },
        { "groups.display", null, "{" + Always + ",'groups':[{'display':'Sales'}]}" },
        { "meta.version", null, "{" + Always + ",'meta':{'version':'W/\\u00223\\u0022'}}" },
        { "urn:ietf:params:scim:schemas:core:2.0:User:userName", null, "{" + Always + ",'userName':'jo'}" },
        { Enterprise + ":department", null, "{" + Always + ",'" + Enterprise + "':{'department':'R&D'}}" },
        { Enterprise + ":manager.value", null, "{" + Always + ",'" + Enterprise + "':{'manager':{'value':'m1'}}}" },
        { Enterprise, null, "{" + Always + ",'" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}" },
        { "department", null, "{" + Always + ",'" + Enterprise + "':{'department':'R&D'}}" },
        { "shoeSize,userName", null, "{" + Always + ",'userName':'jo'}" },
        { "userName", "userName", "{" + Always + ",'userName':'jo'}" },
        { null, "emails,groups,meta,name,id", "{" + Always + ",'userName':'jo','" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}" },
        { null, "name.familyName,emails.primary,emails.type," + Enterprise + ",groups,meta",
            "{" + Always + ",'userName':'jo','name':{'givenName':'Jo'},'emails':[{'value':'jo@example.com'}]}" },
        { null, Enterprise + ":manager,emails,name,groups,meta", "{" + Always + ",'userName':'jo','" + Enterprise + "':{'department':'R&D'}}" },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void AttributesAndExcludedAttributesSelectWhatIsWritten(string? attributes, string? excluded, string expected) =>
        JsonEqual(expected, Written(StoredUser, ResourceTypes.User, attributes, excluded));

    [Fact]
    public void SchemasNameOnlyTheExtensionsTheResourceHoldsValuesOf()
    {
        var written = Written(StoredUser with { StoredAttributes = "{\"userName\":\"jo\"}", References = null }, ResourceTypes.User);
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User"], written["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void ReferencesNotReadAreLeftOutAndAGroupWithNoMembersShowsAnEmptyList()
    {
        Assert.Null(Written(StoredUser with { References = null }, ResourceTypes.User)["groups"]);
        var inNoGroup = new ScimUser { UserName = "jo", UserNameKey = "jo", Attributes = "{\"userName\":\"jo\"}" };
        Assert.Null(UserRepresentation.ToScim(inNoGroup, [], new DefaultHttpContext().Request).References);
        var group = StoredUser with { StoredAttributes = "{\"displayName\":\"Sales\"}", ReferencesAttribute = "members", References = [], ResourceType = "Group" };
        Assert.Empty(Written(group, ResourceTypes.Group)["members"]!.AsArray());
    }

    [Fact]
    public void StoredValuesAreWrittenUnderTheirDeclaredNamesAndNullsAreLeftOut()
    {
        var written = Written(StoredUser with { StoredAttributes = "{\"UserName\":\"jo\",\"nickName\":null,\"shoeSize\":44}", References = null }, ResourceTypes.User,
            excluded: "meta");
        JsonEqual("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'0198c6a4-0000-7000-8000-000000000001','userName':'jo'}", written);
    }
}
