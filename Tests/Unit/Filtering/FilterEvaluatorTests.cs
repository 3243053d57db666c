using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class FilterEvaluatorTests
{
    private static readonly AttributeDefinition Emails = UserSchema.Definition.FindAttribute("emails")!;
    private static readonly AttributeDefinition Members = GroupSchema.Definition.FindAttribute("members")!;

    private const string WorkEmail = """{"value": "Ada@Example.com", "type": "work", "primary": true}""";
    private const string HomeEmail = """{"value": "ada@home.org", "type": "home", "display": ""}""";
    private const string EntraEmail = """{"value": "ada@example.com", "type": "Work", "primary": "False"}""";

    private static bool Matches(string filter, string element, AttributeDefinition? attribute = null) =>
        FilterEvaluator.Matches(FilterParser.Parse(filter), JsonNode.Parse(element), attribute ?? Emails);

    [Theory]
    [InlineData("type eq \"work\"", WorkEmail, true)]
    [InlineData("type eq \"work\"", HomeEmail, false)]
    [InlineData("type eq \"work\"", EntraEmail, true)]
    [InlineData("TYPE eq \"WORK\"", WorkEmail, true)]
    [InlineData("type ne \"work\"", HomeEmail, true)]
    [InlineData("type ne \"work\"", WorkEmail, false)]
    [InlineData("value eq \"ada@example.com\"", WorkEmail, true)]
    [InlineData("value co \"@example.\"", WorkEmail, true)]
    [InlineData("value co \"@EXAMPLE.\"", WorkEmail, true)]
    [InlineData("value co \"@example.\"", HomeEmail, false)]
    [InlineData("value sw \"ada@\"", HomeEmail, true)]
    [InlineData("value ew \".org\"", HomeEmail, true)]
    [InlineData("value ew \".org\"", WorkEmail, false)]
    [InlineData("value gt \"ada@f\"", HomeEmail, true)]
    [InlineData("value lt \"ada@f\"", WorkEmail, true)]
    [InlineData("value ge \"ada@home.org\"", HomeEmail, true)]
    [InlineData("value le \"ada@example.com\"", WorkEmail, true)]
    public void StringsCompareIgnoringCaseUnlessCaseExact(string filter, string element, bool expected) =>
        Assert.Equal(expected, Matches(filter, element));

    [Theory]
    [InlineData("value eq \"8f0e2a74-aaaa-4bbb-8ccc-0123456789ab\"", true)]
    [InlineData("value eq \"8F0E2A74-AAAA-4BBB-8CCC-0123456789AB\"", false)]
    [InlineData("type eq \"user\"", true)]
    public void ACaseExactSubAttributeComparesExactly(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, """{"value": "8f0e2a74-aaaa-4bbb-8ccc-0123456789ab", "type": "User"}""", Members));

    [Theory]
    [InlineData("primary eq true", WorkEmail, true)]
    [InlineData("primary eq false", WorkEmail, false)]
    [InlineData("primary eq false", EntraEmail, true)]
    [InlineData("primary eq \"False\"", EntraEmail, true)]
    [InlineData("primary eq true", HomeEmail, false)]
    [InlineData("primary ne true", HomeEmail, true)]
    public void BooleansCompareAsBooleansAlsoWhenStoredAsStrings(string filter, string element, bool expected) =>
        Assert.Equal(expected, Matches(filter, element));

    [Theory]
    [InlineData("value pr", WorkEmail, true)]
    [InlineData("display pr", HomeEmail, false)]
    [InlineData("display pr", WorkEmail, false)]
    [InlineData("primary pr", EntraEmail, true)]
    [InlineData("display eq null", HomeEmail, true)]
    [InlineData("type eq null", WorkEmail, false)]
    [InlineData("type ne null", WorkEmail, true)]
    [InlineData("""type pr""", """{"type": null}""", false)]
    public void PresentMeansNotMissingNullOrEmpty(string filter, string element, bool expected) =>
        Assert.Equal(expected, Matches(filter, element));

    [Theory]
    [InlineData("type eq \"work\" and value co \"@example.com\"", WorkEmail, true)]
    [InlineData("type eq \"work\" and value co \"@example.com\"", HomeEmail, false)]
    [InlineData("type eq \"work\" or value co \"home\"", HomeEmail, true)]
    [InlineData("not (type eq \"work\")", HomeEmail, true)]
    [InlineData("not (type eq \"work\" or primary eq true)", WorkEmail, false)]
    [InlineData("type eq \"home\" or type eq \"work\" and primary eq false", WorkEmail, false)]
    public void LogicalOperatorsCombineComparisons(string filter, string element, bool expected) =>
        Assert.Equal(expected, Matches(filter, element));

    [Fact]
    public void APatchPathFilterSelectsTheMatchingElements()
    {
        var path = FilterParser.ParsePatchPath("emails[type eq \"work\"].value");
        var emails = JsonNode.Parse($"[{WorkEmail}, {HomeEmail}, {EntraEmail}]")!.AsArray();
        Assert.Equal(2, emails.Count(e => FilterEvaluator.Matches(path.ValueFilter!, e, Emails)));
    }

    [Fact]
    public void ABareValueInTheArrayStandsForItsValueSubAttribute() =>
        Assert.True(Matches("value eq \"ada@example.com\"", "\"ada@example.com\""));

    [Theory]
    [InlineData("nickName eq \"x\"", "'nickName' is not a sub-attribute of 'emails'. Its sub-attributes are: value, display, type, primary.")]
    [InlineData("type eq \"home\" and nickName eq \"x\"", "'nickName' is not a sub-attribute of 'emails'.")]
    [InlineData("primary gt true", "'primary' is a boolean: gt, ge, lt and le do not apply to it.")]
    [InlineData("primary co \"t\"", "'primary' is a boolean: co, sw and ew apply only to strings.")]
    [InlineData("primary eq \"yes\"", "'primary' is a boolean: compare it with true or false, not \"yes\".")]
    [InlineData("type eq true", "'type' is a string: compare it with a string in double quotes, not true.")]
    public void AnUnknownSubAttributeOrAWrongTypeIsInvalidFilter(string filter, string expected)
    {
        var error = Assert.Throws<ScimProtocolException>(() => Matches(filter, WorkEmail));
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AValuePathInsideAValueFilterIsInvalidFilter()
    {
        var nested = new ValuePathFilter(new AttributePath(null, "emails", null), new ComparisonFilter(new AttributePath(null, "type", null), ComparisonOperator.Pr, null));
        var error = Assert.Throws<ScimProtocolException>(() => FilterEvaluator.Matches(nested, JsonNode.Parse(WorkEmail), Emails));
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
    }
}
