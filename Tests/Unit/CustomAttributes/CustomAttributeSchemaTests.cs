using Provisioning.Contracts;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.Tests.Unit.Filtering;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.CustomAttributes;

/// <summary>
/// Declared custom attributes behave like built-in ones in the protocol's pure parts: the connection's
/// schema, normalizing a body, the GIN-indexed values, filters and PATCH paths.
/// </summary>
public sealed class CustomAttributeSchemaTests
{
    private const string Core = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string Custom = "urn:ietf:params:scim:schemas:extension:CustomExtension:2.0:User";
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static readonly CustomAttributeDto[] Declarations =
    [
        new("User", Core, "costCenter", CustomAttributeType.String),
        new("User", Custom, "badgeNumber", CustomAttributeType.Integer),
        new("User", Custom, "locations", CustomAttributeType.String, MultiValued: true),
        new("User", Custom, "hiredOn", CustomAttributeType.DateTime),
        new("User", Core, "userName", CustomAttributeType.Integer),
        new("Group", Core.Replace("User", "Group"), "costCenter", CustomAttributeType.Boolean),
    ];

    private static ResourceTypeDefinition User(UndeclaredAttributePolicy undeclared = UndeclaredAttributePolicy.Refuse) =>
        ConnectionSchema.Build(Declarations, undeclared).User;

    private static NormalizedResource Normalize(string body, UndeclaredAttributePolicy undeclared = UndeclaredAttributePolicy.Refuse) =>
        ResourceNormalizer.Normalize(Json(body), User(undeclared));

    [Fact]
    public void ACoreNamespaceDeclarationJoinsTheCoreSchemaAndAnExtensionUrnBecomesAnExtension()
    {
        var user = User();

        Assert.True(user.Schema.FindAttribute("costCenter")?.Custom);
        var extension = Assert.Single(user.Extensions, e => e.Schema.Id == Custom);
        Assert.False(extension.Required);
        Assert.Equal(["badgeNumber", "locations", "hiredOn"], extension.Schema.Attributes.Select(a => a.Name));
        Assert.Equal("CustomExtension", extension.Schema.Name);
    }

    [Fact]
    public void ADeclarationCannotShadowABuiltInAttribute() =>
        Assert.Equal(AttributeType.String, User().Schema.FindAttribute("userName")!.Type);

    [Fact]
    public void EachResourceTypeGetsOnlyItsOwnDeclarations()
    {
        var schema = ConnectionSchema.Build(Declarations, UndeclaredAttributePolicy.Ignore);

        Assert.Equal(AttributeType.String, schema.User.Schema.FindAttribute("costCenter")!.Type);
        Assert.Equal(AttributeType.Boolean, schema.Group.Schema.FindAttribute("costCenter")!.Type);
        Assert.DoesNotContain(schema.Group.Extensions, e => e.Schema.Id == Custom);
    }

    [Fact]
    public void DeclaredAttributesOfBothNamespacesAreKept() =>
        JsonEqual("{'userName':'a','costCenter':'42','" + Custom + "':{'badgeNumber':7,'locations':['Paris','Oslo']}}",
            Normalize("{'schemas':['" + Core + "','" + Custom + "'],'userName':'a','costCenter':'42','" + Custom + "':{'badgeNumber':7,'locations':['Paris','Oslo']}}").Attributes);

    [Fact]
    public void AFullyQualifiedCustomAttributeIsNestedUnderItsExtension() =>
        JsonEqual("{'userName':'a','" + Custom + "':{'badgeNumber':7}}", Normalize("{'userName':'a','" + Custom + ":badgeNumber':7}").Attributes);

    [Theory]
    [InlineData("{'userName':'a','" + Custom + "':{'badgeNumber':'seven'}}", "badgeNumber")]
    [InlineData("{'userName':'a','" + Custom + "':{'hiredOn':'last spring'}}", "hiredOn")]
    [InlineData("{'userName':'a','" + Custom + "':{'hiredOn':'2024-02-31T00:00:00Z'}}", "hiredOn")]
    [InlineData("{'userName':'a','" + Custom + "':{'hiredOn':'2024-01-01T10:00:00+99:00'}}", "hiredOn")]
    [InlineData("{'userName':'a','" + Custom + "':{'hiredOn':'9999-12-31T23:59:59-14:00'}}", "hiredOn")]
    [InlineData("{'userName':'a','costCenter':42}", "costCenter")]
    public void ATypeMismatchOnADeclaredAttributeIsRefusedNamingIt(string body, string attribute) =>
        Assert.Contains(attribute, Error(ScimType.InvalidValue, () => Normalize(body)).Message);

    [Fact]
    public void AnUndeclaredAttributeIsRefusedNamingItWhenTheConnectionRefuses() =>
        Error(ScimType.InvalidSyntax, "shoeSize", () => Normalize("{'userName':'a','shoeSize':'44'}"));

    [Fact]
    public void AnUndeclaredAttributeIsReportedAndNotKeptWhenTheConnectionIgnores()
    {
        var normalized = Normalize("{'userName':'a','shoeSize':'44','" + Custom + "':{'badgeNumber':7,'floor':3}}", UndeclaredAttributePolicy.Ignore);

        JsonEqual("{'userName':'a','" + Custom + "':{'badgeNumber':7}}", normalized.Attributes);
        Assert.Equal(["shoeSize", Custom + ":floor"], normalized.NotKept.Select(n => n.Path));
    }

    [Fact]
    public void AnUndeclaredExtensionListedInSchemasIsAcceptedOnlyWhenTheConnectionIgnores()
    {
        const string body = "{'schemas':['" + Core + "','urn:example:ext:2.0:User'],'userName':'a'}";

        Error(ScimType.InvalidValue, "urn:example:ext:2.0:User", () => Normalize(body));
        JsonEqual("{'userName':'a'}", Normalize(body, UndeclaredAttributePolicy.Ignore).Attributes);
    }

    [Fact]
    public void TheIndexedValuesAreTheDeclaredStringsLowerCasedInLists()
    {
        var stored = Normalize("{'userName':'a','costCenter':'CC-42','" + Custom + "':{'badgeNumber':7,'locations':['Paris','paris','Oslo']}}").Attributes;

        JsonEqual("{'" + Core + ":costCenter':['cc-42'],'" + Custom + ":locations':['paris','oslo']}", CustomValueIndex.Of(stored, User()));
    }

    [Fact]
    public void AFilterOnADeclaredStringIsAnsweredByTheIndexedContainmentFirst()
    {
        var translated = SqlFilterTranslator.Translate(FilterParser.Parse("costCenter eq \"CC-42\""), User());

        Assert.StartsWith("(r.custom_values @> @f1 AND ", translated.Sql);
        Assert.Contains(translated.Parameters, p => Equals(p.Value, "{\"" + Core + ":costCenter\":[\"cc-42\"]}"));
    }

    [Fact]
    public void AFilterOnADeclaredMultiValuedStringMatchesAnyOfItsValues()
    {
        var translated = SqlFilterTranslator.Translate(FilterParser.Parse(Custom + ":locations eq \"Oslo\""), User());

        Assert.Contains(translated.Parameters, p => Equals(p.Value, "{\"" + Custom + ":locations\":[\"oslo\"]}"));
    }

    [Theory]
    [InlineData("gt \"2024-01-01T10:00:00+05:00\"", ">", "2024-01-01T05:00:00.0000000+00:00")]
    [InlineData("eq \"2024-01-01T05:30:00.5Z\"", "=", "2024-01-01T05:30:00.5000000+00:00")]
    [InlineData("ne \"2024-01-01T06:00:00\"", "IS DISTINCT FROM", "2024-01-01T06:00:00.0000000+00:00")]
    public void AFilterOnADeclaredDateTimeComparesInstantsNotText(string comparison, string sign, string instant) =>
        Assert.Equal(($"scim_datetime(r.attributes->'{Custom}'->>'hiredOn') {sign} @f0", $"f0={instant}:TimestampTz"),
            SqlTranslation.Of($"{Custom}:hiredOn {comparison}", User()));

    [Fact]
    public void ASortByADeclaredDateTimeOrdersByInstant() => Assert.Equal(
        $"scim_datetime(r.attributes->'{Custom}'->>'hiredOn')",
        SqlFilterTranslator.SortExpression(FilterParser.ParseAttributePath($"{Custom}:hiredOn"), User()));

    [Fact]
    public void AFilterOnADeclaredDateTimeWithSomethingElseThanADateIsAnInvalidFilter() =>
        Error(ScimType.InvalidFilter, () => SqlFilterTranslator.Translate(FilterParser.Parse(Custom + ":hiredOn gt \"last spring\""), User()));

    [Fact]
    public void AFilterOnAnUndeclaredAttributeIsAnInvalidFilter() =>
        Error(ScimType.InvalidFilter, () => SqlFilterTranslator.Translate(FilterParser.Parse("shoeSize eq \"44\""), User()));

    [Theory]
    [InlineData("{'op':'Add','path':'" + Custom + ":badgeNumber','value':8}")]
    [InlineData("{'op':'Replace','path':'" + Custom + ":badgeNumber','value':8}")]
    [InlineData("{'op':'replace','value':{'" + Custom + ":badgeNumber':8}}")]
    [InlineData("{'op':'replace','value':{'" + Custom + "':{'badgeNumber':8}}}")]
    public void EntrasPatchShapesSetADeclaredExtensionAttribute(string operation)
    {
        var result = PatchEngine.Apply(Json("{'schemas':['" + PatchOp + "'],'Operations':[" + operation + "]}"),
            Json("{'userName':'a','" + Custom + "':{'badgeNumber':7}}"), User());

        JsonEqual("{'userName':'a','" + Custom + "':{'badgeNumber':8}}", result.Attributes);
    }

    [Fact]
    public void APatchOfTheWrongTypeOnADeclaredAttributeIsRefused() =>
        Error(ScimType.InvalidValue, () => PatchEngine.Apply(
            Json("{'schemas':['" + PatchOp + "'],'Operations':[{'op':'replace','path':'costCenter','value':{'x':1}}]}"),
            Json("{'userName':'a'}"), User()));
}
