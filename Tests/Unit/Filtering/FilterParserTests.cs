using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class FilterParserTests
{
    [Theory]
    [InlineData("userName eq \"bjensen\"", "userName eq \"bjensen\"")]
    [InlineData("title ne \"Boss\"", "title ne \"Boss\"")]
    [InlineData("name.familyName co \"O'Malley\"", "name.familyName co \"O'Malley\"")]
    [InlineData("userName sw \"J\"", "userName sw \"J\"")]
    [InlineData("userName ew \"sen\"", "userName ew \"sen\"")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "meta.lastModified gt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"", "meta.lastModified ge \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:34Z\"", "meta.lastModified lt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified le \"2011-05-13T04:42:34Z\"", "meta.lastModified le \"2011-05-13T04:42:34Z\"")]
    [InlineData("title pr", "title pr")]
    public void EveryOperatorParses(string filter, string expected) => Assert.Equal(expected, FilterNotation.Parse(filter));

    [Theory]
    [InlineData("userName Eq \"john\"", "userName eq \"john\"")]
    [InlineData("Username EQ \"john\"", "Username eq \"john\"")]
    [InlineData("title PR AND userType eq \"x\" Or active eq TRUE", "((title pr and userType eq \"x\") or active eq true)")]
    [InlineData("NOT (title pr)", "not(title pr)")]
    public void OperatorsAndKeywordsAreCaseInsensitive(string filter, string expected) =>
        Assert.Equal(expected, FilterNotation.Parse(filter));

    [Theory]
    [InlineData("a pr and b pr or c pr", "((a pr and b pr) or c pr)")]
    [InlineData("a pr or b pr and c pr", "(a pr or (b pr and c pr))")]
    [InlineData("a pr or b pr and c pr or d pr", "((a pr or (b pr and c pr)) or d pr)")]
    [InlineData("a pr and b pr and c pr", "((a pr and b pr) and c pr)")]
    public void AndBindsTighterThanOr(string filter, string expected) => Assert.Equal(expected, FilterNotation.Parse(filter));

    [Theory]
    [InlineData("(a pr or b pr) and c pr", "((a pr or b pr) and c pr)")]
    [InlineData("a pr and (b pr or c pr)", "(a pr and (b pr or c pr))")]
    [InlineData("((a pr))", "a pr")]
    [InlineData("  ( a pr )  ", "a pr")]
    public void ParenthesesGroup(string filter, string expected) => Assert.Equal(expected, FilterNotation.Parse(filter));

    [Theory]
    [InlineData("not (a pr)", "not(a pr)")]
    [InlineData("not(a pr)", "not(a pr)")]
    [InlineData("not (a pr or b pr) and c pr", "(not((a pr or b pr)) and c pr)")]
    [InlineData("a pr and not (not (b pr))", "(a pr and not(not(b pr)))")]
    public void NotAppliesToAParenthesisedFilter(string filter, string expected) => Assert.Equal(expected, FilterNotation.Parse(filter));

    [Theory]
    [InlineData("emails[type eq \"work\"]", "emails[type eq \"work\"]")]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"]", "emails[(type eq \"work\" and value co \"@example.com\")]")]
    [InlineData("emails[type eq \"work\" or (type eq \"home\" and value ew \"@example.com\")]",
        "emails[(type eq \"work\" or (type eq \"home\" and value ew \"@example.com\"))]")]
    [InlineData("emails[not (type eq \"work\")]", "emails[not(type eq \"work\")]")]
    [InlineData("members[value eq \"2819c223\"]", "members[value eq \"2819c223\"]")]
    public void ValuePathsHoldAFilterOnOneElement(string filter, string expected) => Assert.Equal(expected, FilterNotation.Parse(filter));

    [Fact]
    public void AComparisonAfterAValuePathFoldsIntoItsFilter() => Assert.Equal(
        "emails[(type eq \"work\" and value eq \"x@example.com\")]",
        FilterNotation.Parse("emails[type eq \"work\"].value eq \"x@example.com\""));

    [Fact]
    public void AnExtensionAttributeIsSplitOnTheLastColon() => Assert.Equal(
        new ComparisonFilter(new AttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "department", null),
            ComparisonOperator.Eq, null),
        FilterParser.Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq null"));

    [Fact]
    public void AUrnQualifiedSubAttributeKeepsTheDotsOfTheUrn()
    {
        var comparison = Assert.IsType<ComparisonFilter>(FilterParser.Parse("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName pr"));
        Assert.Equal(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "name", "givenName"), comparison.Path);
    }

    [Theory]
    [InlineData("x eq 42", "42")]
    [InlineData("x eq -1.5", "-1.5")]
    [InlineData("x eq 2E3", "2000")]
    [InlineData("x eq true", "true")]
    [InlineData("x eq False", "false")]
    [InlineData("x eq null", "null")]
    [InlineData("x eq \"\"", "\"\"")]
    public void LiteralsAreJsonValues(string filter, string expectedJson) =>
        Assert.Equal(expectedJson, Assert.IsType<ComparisonFilter>(FilterParser.Parse(filter)).Value?.ToJsonString() ?? "null");

    [Theory]
    [InlineData(@"x eq ""a\""b""", "a\"b")]
    [InlineData(@"x eq ""back\\slash""", "back\\slash")]
    [InlineData(@"x eq ""Ren\u00e9e""", "Renée")]
    [InlineData(@"x eq ""tab\there\nnew\/""", "tab\there\nnew/")]
    [InlineData("x eq \"and or not ) ( [ ]\"", "and or not ) ( [ ]")]
    public void StringsDecodeJsonEscapes(string filter, string expected) =>
        Assert.Equal(expected, Assert.IsType<ComparisonFilter>(FilterParser.Parse(filter)).Value!.GetValue<string>());

    /// <summary>Every example filter of RFC 7644 §3.4.2.2.</summary>
    [Theory]
    [InlineData("userName eq \"bjensen\"")]
    [InlineData("name.familyName co \"O'Malley\"")]
    [InlineData("userName sw \"J\"")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"")]
    [InlineData("title pr")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified le \"2011-05-13T04:42:34Z\"")]
    [InlineData("title pr and userType eq \"Employee\"")]
    [InlineData("title pr or userType eq \"Intern\"")]
    [InlineData("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"")]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("userType eq \"Employee\" and (emails.type eq \"work\")")]
    [InlineData("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]")]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]")]
    public void EveryExampleOfRfc7644Parses(string filter) => Assert.NotNull(FilterParser.Parse(filter));

    [Fact]
    public void TheRfcExampleWithNotParsesToTheExpectedTree() => Assert.Equal(
        "(userType ne \"Employee\" and not((emails co \"example.com\" or emails.value co \"example.org\")))",
        FilterNotation.Parse("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")"));

    [Fact]
    public void TheRfcExampleWithTwoValuePathsParsesToTheExpectedTree() => Assert.Equal(
        "(emails[(type eq \"work\" and value co \"@example.com\")] or ims[(type eq \"xmpp\" and value co \"@foo.com\")])",
        FilterNotation.Parse("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]"));

    /// <summary>What Okta and Entra send when they look a resource up before creating it.</summary>
    [Theory]
    [InlineData("userName eq \"ada@example.com\"", "userName eq \"ada@example.com\"")]
    [InlineData("externalId eq \"9b1f6a8e-3c1d-4e57-8d0a-5b6f2e4c7a91\"", "externalId eq \"9b1f6a8e-3c1d-4e57-8d0a-5b6f2e4c7a91\"")]
    [InlineData("emails[type eq \"work\"].value eq \"ada@example.com\"", "emails[(type eq \"work\" and value eq \"ada@example.com\")]")]
    [InlineData("displayName eq \"Engineering\"", "displayName eq \"Engineering\"")]
    public void IdentityProviderLookupsParse(string filter, string expected) => Assert.Equal(expected, FilterNotation.Parse(filter));

    [Fact]
    public void ALongChainOfOrsParsesLeftToRight()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 150).Select(i => $"userName eq \"u{i}\""));
        var node = FilterParser.Parse(filter);
        var depth = 0;
        while (node is LogicalFilter { Operator: LogicalOperator.Or } disjunction)
        {
            Assert.IsType<ComparisonFilter>(disjunction.Right);
            node = disjunction.Left;
            depth++;
        }
        Assert.Equal(149, depth);
    }
}
