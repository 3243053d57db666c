using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.Filtering.SqlTranslation;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class SqlMultiValuedFilterTests
{
    private const string AnyEmail = "EXISTS (SELECT 1 FROM " + EmailElements + " AS e(v) WHERE ";

    [Fact]
    public void AnEmailEqualityAlsoUsesTheIndexedArrayOfEmailValues() => Assert.Equal(
        ("(r.email_values @> ARRAY[@f1]::text[] AND " + AnyEmail + "lower(e.v->>'value') = lower(@f0)))",
            "f0=Ada@Example.com:Text; f1=ada@example.com:Text"),
        Of("emails.value eq \"Ada@Example.com\""));

    [Fact]
    public void TheEntraLookupFiltersOneEmailAndUsesTheIndex() => Assert.Equal(
        ("(r.email_values @> ARRAY[@f2]::text[] AND " + AnyEmail + "(lower(e.v->>'type') = lower(@f0) AND lower(e.v->>'value') = lower(@f1))))",
            "f0=work:Text; f1=x@example.com:Text; f2=x@example.com:Text"),
        Of("emails[type eq \"work\"].value eq \"x@example.com\""));

    [Fact]
    public void AnEmailValueUnderOrIsNotRequiredOfTheIndexedArray() => Assert.Equal(
        (AnyEmail + "(lower(e.v->>'type') = lower(@f0) OR lower(e.v->>'value') = lower(@f1)))", "f0=work:Text; f1=x:Text"),
        Of("emails[type eq \"work\" or value eq \"x\"]"));

    [Fact]
    public void AMultiValuedAttributeWithoutSubAttributeMeansItsValue() => Assert.Equal(
        (AnyEmail + "lower(e.v->>'value') LIKE lower(@f0) ESCAPE '\\')", "f0=%@example.com%:Text"),
        Of("emails co \"@example.com\""));

    [Fact]
    public void NeOnAMultiValuedAttributeMeansNoValueIsEqual() => Assert.Equal(
        ("NOT COALESCE((r.email_values @> ARRAY[@f1]::text[] AND " + AnyEmail + "lower(e.v->>'value') = lower(@f0))), FALSE)",
            "f0=x:Text; f1=x:Text"),
        Of("emails.value ne \"x\""));

    [Fact]
    public void OtherMultiValuedAttributesHaveNoIndexHint() => Assert.Equal(
        ("EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.attributes->'phoneNumbers') = 'array' THEN r.attributes->'phoneNumbers' ELSE '[]'::jsonb END) AS e(v) WHERE (lower(e.v->>'type') = lower(@f0) AND lower(e.v->>'value') LIKE lower(@f1) ESCAPE '\\'))",
            "f0=work:Text; f1=+1%:Text"),
        Of("phoneNumbers[type eq \"work\"].value sw \"+1\""));

    [Fact]
    public void ASingularComplexAttributeMayGroupConditionsInBrackets() => Assert.Equal(
        ("(lower(r.attributes->'name'->>'givenName') = lower(@f0) AND lower(r.attributes->'name'->>'familyName') = lower(@f1))", "f0=Ada:Text; f1=Lovelace:Text"),
        Of("name[givenName eq \"Ada\" and familyName eq \"Lovelace\"]"));

    [Fact]
    public void GroupMembersAreFilteredThroughTheMembershipTable() => Assert.Equal(
        ("EXISTS (SELECT 1 FROM scim_group_members m WHERE m.group_id = r.id AND m.connection_id = r.connection_id AND (m.member_id = @f0 AND lower(m.member_type) = lower(@f1)))",
            "f0=0191c6e0-0000-7000-8000-000000000001:Uuid; f1=User:Text"),
        Of("members[value eq \"0191C6E0-0000-7000-8000-000000000001\" and type eq \"User\"]", ResourceTypes.Group));

    [Fact]
    public void AMemberIdThatIsNoUuidMatchesNoMember() => Assert.Equal(
        ("EXISTS (SELECT 1 FROM scim_group_members m WHERE m.group_id = r.id AND m.connection_id = r.connection_id AND FALSE)", ""),
        Of("members.value eq \"bob\"", ResourceTypes.Group));

    [Fact]
    public void UsersGroupsAreFilteredThroughTheMembershipTable() => Assert.Equal(
        ("EXISTS (SELECT 1 FROM scim_group_members m WHERE m.member_id = r.id AND m.connection_id = r.connection_id AND m.group_id = @f0)",
            "f0=0191c6e0-0000-7000-8000-000000000001:Uuid"),
        Of("groups.value eq \"0191c6e0-0000-7000-8000-000000000001\""));

    [Fact]
    public void EveryExampleOfRfc7644TranslatesForUsers()
    {
        string[] examples =
        [
            "userName eq \"bjensen\"", "name.familyName co \"O'Malley\"", "userName sw \"J\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"", "title pr",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"", "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"", "meta.lastModified le \"2011-05-13T04:42:34Z\"",
            "title pr and userType eq \"Employee\"", "title pr or userType eq \"Intern\"",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType eq \"Employee\" and (emails.type eq \"work\")",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
        ];
        Assert.All(examples, example => Assert.NotEmpty(Of(example).Sql));
    }

    [Theory]
    [InlineData("emails[nickName eq \"x\"]", "User", "'nickName' is not a sub-attribute of 'emails'. Its sub-attributes are: value, display, type, primary.")]
    [InlineData("addresses eq \"x\"", "User", "'addresses' has no value sub-attribute: compare one of its sub-attributes, such as 'addresses.formatted'.")]
    [InlineData("groups.display eq \"x\"", "User", "'groups.display' cannot be filtered: only groups.value and groups.type can.")]
    [InlineData("members.display eq \"x\"", "Group", "'members.display' cannot be filtered: only members.value and members.type can.")]
    public void SubAttributesTheStorageCannotAnswerAreInvalidFilter(string filter, string type, string detail)
    {
        var error = Assert.Throws<ScimProtocolException>(() => Of(filter, type == "User" ? ResourceTypes.User : ResourceTypes.Group));
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
        Assert.Equal(detail, error.Message);
    }
}
