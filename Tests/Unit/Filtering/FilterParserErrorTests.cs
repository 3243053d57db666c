using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class FilterParserErrorTests
{
    [Theory]
    [InlineData("userName", "Expected a comparison operator after 'userName' at position 9.")]
    [InlineData("userName xx \"a\"", "Expected a comparison operator after 'userName' at position 10, found 'xx'.")]
    [InlineData("userName eq", "Expected a value (a string in double quotes, a number, true, false or null) after 'eq' at position 12, found the end.")]
    [InlineData("userName eq bjensen", "after 'eq' at position 13, found 'bjensen'; strings go in double quotes.")]
    [InlineData("userName eq \"x\" foo", "Expected 'and', 'or' or the end of the filter at position 17, found 'foo'.")]
    [InlineData("userName eq \"x\" and", "Expected an attribute name, 'not' or '(' at position 20, found the end.")]
    [InlineData(")", "Expected an attribute name, 'not' or '(' at position 1, found ')'.")]
    [InlineData("(userName pr", "Expected ')' to close the '(' at position 1, but the text ends at position 13.")]
    [InlineData("(userName pr ]", "Expected 'and', 'or' or ')' at position 14, found ']'.")]
    [InlineData("emails[type eq \"work\"", "Expected ']' to close the '[' at position 7, but the text ends at position 22.")]
    [InlineData("emails[type eq \"w\" and ims[type pr]]", "Value filters cannot nest: found '[' at position 27 inside another '[…]'.")]
    [InlineData("emails[emails.type eq \"w\"]", "Inside '[…]' a filter names sub-attributes of the attribute before the '[', such as 'type' or 'value'; found 'emails.type' at position 8.")]
    [InlineData("emails.value[type pr]", "'[' at position 13 must follow a multi-valued attribute, not the sub-attribute 'emails.value'.")]
    [InlineData("emails[type pr].", "Expected a sub-attribute name after '.' at position 16, found the end at position 17.")]
    [InlineData("emails[type pr].value", "Expected a comparison operator after 'emails[…].value' at position 22.")]
    [InlineData("userName eq \"abc", "The string that starts at position 13 is not closed: expected '\"' at position 17.")]
    [InlineData("userName eq \"a\\x\"", "Invalid escape sequence at position 15")]
    [InlineData("userName eq \"\\u00g1\"", "Invalid escape sequence at position 14")]
    [InlineData("userName # \"x\"", "Unexpected character '#' at position 10.")]
    [InlineData("userName eq 1.", "Invalid number '1.' at position 13.")]
    [InlineData("not userName pr", "Expected '(' after 'not' at position 5, found 'userName'.")]
    [InlineData("userName gt null", "Only eq and ne compare with null; found 'gt null' at position 10.")]
    [InlineData("name.familyName.x pr", "'name.familyName.x' at position 1 names more than one sub-attribute")]
    [InlineData("title pr and name.1x pr", "'1x' at position 19 is not an attribute name")]
    [InlineData("urn:x: pr", "'urn:x:' at position 1 is not an attribute path")]
    [InlineData("", "The filter is empty.")]
    [InlineData("   ", "The filter is empty.")]
    public void ErrorsSayWhereAndWhatWasExpected(string filter, string expected)
    {
        var error = Assert.Throws<ScimProtocolException>(() => FilterParser.Parse(filter));
        Assert.Equal(400, error.Status);
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AFilterLongerThanTheLimitIsRefused()
    {
        var filter = "userName eq \"" + new string('a', FilterParser.MaxFilterLength) + "\"";
        var error = Assert.Throws<ScimProtocolException>(() => FilterParser.Parse(filter));
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
        Assert.Contains($"the limit is {FilterParser.MaxFilterLength}", error.Message);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not (", ")")]
    public void DeepNestingIsRefusedBeforeTheStackRunsOut(string open, string close)
    {
        var depth = FilterParser.MaxFilterLength / (open.Length + close.Length) - 2;
        var filter = string.Concat(Enumerable.Repeat(open, depth)) + "a pr" + string.Concat(Enumerable.Repeat(close, depth));
        var error = Assert.Throws<ScimProtocolException>(() => FilterParser.Parse(filter));
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
        Assert.Contains($"nests deeper than {FilterParser.MaxNestingDepth} levels", error.Message);
    }

    [Fact]
    public void NestingUpToTheLimitIsAccepted()
    {
        var depth = FilterParser.MaxNestingDepth;
        var filter = new string('(', depth) + "a pr" + new string(')', depth);
        Assert.Equal("a pr", FilterNotation.Parse(filter));
    }
}
