using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Resources;

/// <summary>Types the built-in schemas do not use for writable attributes, checked on ad-hoc definitions.</summary>
public sealed class ValueNormalizerTests
{
    private static readonly AttributeDefinition When = new("when", AttributeType.DateTime);
    private static readonly AttributeDefinition Count = new("count", AttributeType.Integer);
    private static readonly AttributeDefinition Ratio = new("ratio", AttributeType.Decimal);
    private static readonly AttributeDefinition Tags = new("tags", MultiValued: true);

    [Theory]
    [InlineData("2008-01-23T04:56:22Z")]
    [InlineData("2008-01-23T04:56:22.123+02:00")]
    [InlineData("2008-01-23T04:56:22")]
    public void AnXsdDateTimeIsKeptVerbatim(string text) =>
        Assert.Equal(text, ValueNormalizer.Normalize(When, JsonValue.Create(text), "when")!.GetValue<string>());

    [Theory]
    [InlineData("'yesterday'")]
    [InlineData("'2008-01-23 04:56'")]
    [InlineData("1200000000")]
    public void AnythingElseIsNotADateTime(string value) =>
        Error(ScimType.InvalidValue, "'when' must be", () => ValueNormalizer.Normalize(When, JsonNode.Parse(value.Replace('\'', '"')), "when"));

    [Fact]
    public void IntegersAndDecimalsAreNumbers()
    {
        Assert.Equal(3, ValueNormalizer.Normalize(Count, JsonValue.Create(3), "count")!.GetValue<long>());
        Assert.Equal(0.5m, ValueNormalizer.Normalize(Ratio, JsonValue.Create(0.5m), "ratio")!.GetValue<decimal>());
        Error(ScimType.InvalidValue, "'count' must be an integer", () => ValueNormalizer.Normalize(Count, JsonValue.Create(1.5), "count"));
        Error(ScimType.InvalidValue, "'ratio' must be a number", () => ValueNormalizer.Normalize(Ratio, JsonValue.Create("1"), "ratio"));
    }

    [Fact]
    public void AMultiValuedStringAttributeIsAList() =>
        JsonEqual(new JsonArray("a", "b"), ValueNormalizer.Normalize(Tags, JsonNode.Parse("[\"a\",null,\"b\"]"), "tags"));

    [Fact]
    public void ASingleStringForAMultiValuedAttributeIsAListOfOne() =>
        JsonEqual(new JsonArray("a"), ValueNormalizer.Normalize(Tags, JsonValue.Create("a"), "tags"));
}
