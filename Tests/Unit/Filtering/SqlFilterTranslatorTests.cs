using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.Filtering.SqlTranslation;

namespace Provisioning.Tests.Unit.Filtering;

public sealed class SqlFilterTranslatorTests
{
    [Theory]
    [InlineData("userName eq \"Ada@Example.com\"", "r.user_name_key = @f0", "f0=ada@example.com:Text")]
    [InlineData("userName eq \"İlknur@Example.com\"", "r.user_name_key = @f0", "f0=İlknur@example.com:Text")]
    [InlineData("externalId eq \"9b1f\"", "r.external_id = @f0", "f0=9b1f:Text")]
    [InlineData("displayName eq \"Ada\"", "lower(r.display_name) = lower(@f0)", "f0=Ada:Text")]
    [InlineData("id eq \"0191c6e0-0000-7000-8000-000000000001\"", "r.id = @f0", "f0=0191c6e0-0000-7000-8000-000000000001:Uuid")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34+02:00\"", "date_trunc('milliseconds', r.last_modified) > @f0", "f0=2011-05-13T02:42:34.0000000+00:00:TimestampTz")]
    [InlineData("meta.created le \"2011-05-13\"", "date_trunc('milliseconds', r.created) <= @f0", "f0=2011-05-13T00:00:00.0000000+00:00:TimestampTz")]
    [InlineData("externalId sw \"a_b\"", "r.external_id LIKE @f0 ESCAPE '\\'", "f0=a\\_b%:Text")]
    [InlineData("externalId gt \"m\"", "r.external_id COLLATE \"C\" > @f0", "f0=m:Text")]
    public void DedicatedColumnsAreUsedWhereTheyExist(string filter, string sql, string parameter)
    {
        var (actualSql, parameters) = Of(filter);
        Assert.Equal(sql, actualSql);
        Assert.Equal(parameter, parameters);
    }

    [Fact]
    public void GroupsCompareDisplayNameThroughItsLowerCaseKey() =>
        Assert.Equal(("r.display_name_key = @f0", "f0=engineering:Text"), Of("displayName eq \"Engineering\"", ResourceTypes.Group));

    [Theory]
    [InlineData("active eq true", "r.active = TRUE")]
    [InlineData("active ne \"False\"", "r.active IS DISTINCT FROM FALSE")]
    [InlineData("id eq \"not-a-uuid\"", "FALSE")]
    [InlineData("id ne \"not-a-uuid\"", "TRUE")]
    [InlineData("meta.resourceType eq \"User\"", "TRUE")]
    [InlineData("meta.resourceType eq \"Group\"", "FALSE")]
    [InlineData("schemas eq \"urn:ietf:params:scim:schemas:core:2.0:User\"", "TRUE")]
    [InlineData("schemas eq \"" + Enterprise + "\"", "r.attributes->'" + Enterprise + "' IS NOT NULL")]
    [InlineData("emails[primary eq true]", "EXISTS (SELECT 1 FROM " + EmailElements + " AS e(v) WHERE lower(e.v->>'primary') = 'true')")]
    public void ConstantsAndBooleansNeedNoParameter(string filter, string sql) => Assert.Equal((sql, ""), Of(filter));

    [Theory]
    [InlineData("title ne \"Boss\"", "lower(r.attributes->>'title') IS DISTINCT FROM lower(@f0)", "f0=Boss:Text")]
    [InlineData("title gt \"m\"", "lower(r.attributes->>'title') COLLATE \"C\" > lower(@f0)", "f0=m:Text")]
    [InlineData("name.givenName ew \"a\"", "lower(r.attributes->'name'->>'givenName') LIKE lower(@f0) ESCAPE '\\'", "f0=%a:Text")]
    [InlineData(Enterprise + ":department eq \"Sales\"", "lower(r.attributes->'" + Enterprise + "'->>'department') = lower(@f0)", "f0=Sales:Text")]
    [InlineData("manager.value eq \"x\"", "lower(r.attributes->'" + Enterprise + "'->'manager'->>'value') = lower(@f0)", "f0=x:Text")]
    [InlineData("employeeNumber eq 42", "lower(r.attributes->'" + Enterprise + "'->>'employeeNumber') = lower(@f0)", "f0=42:Text")]
    public void OtherAttributesAreReadFromTheDocument(string filter, string sql, string parameter) =>
        Assert.Equal((sql, parameter), Of(filter));

    [Fact]
    public void LikeMetacharactersAreEscaped() =>
        Assert.Equal(("lower(r.attributes->>'title') LIKE lower(@f0) ESCAPE '\\'", "f0=%100\\%\\_\\\\%:Text"), Of("title co \"100%_\\\\\""));

    [Theory]
    [InlineData("title pr", "(r.attributes->'title' IS NOT NULL AND r.attributes->'title' NOT IN ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{}'::jsonb))")]
    [InlineData("userName pr", "(r.user_name_key IS NOT NULL AND r.user_name_key <> '')")]
    [InlineData("active pr", "r.active IS NOT NULL")]
    [InlineData("title eq null", "NOT COALESCE((r.attributes->'title' IS NOT NULL AND r.attributes->'title' NOT IN ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{}'::jsonb)), FALSE)")]
    [InlineData("externalId ne null", "(r.external_id IS NOT NULL AND r.external_id <> '')")]
    public void PresentMeansNotNullAndNotEmpty(string filter, string sql) => Assert.Equal((sql, ""), Of(filter));

    [Fact]
    public void NotTreatsAMissingValueAsFalseBeforeNegating() =>
        Assert.Equal(("NOT COALESCE(lower(r.attributes->>'title') = lower(@f0), FALSE)", "f0=x:Text"), Of("not (title eq \"x\")"));

    [Fact]
    public void AndBindsTighterThanOrInTheSqlToo() => Assert.Equal(
        ("((r.user_name_key = @f0 AND r.external_id = @f1) OR r.active = FALSE)", "f0=a:Text; f1=b:Text"),
        Of("userName eq \"a\" and externalId eq \"b\" or active eq false"));

    [Theory]
    [InlineData("active eq \"yes\"", "'active' is a boolean: compare it with true or false, not \"yes\".")]
    [InlineData("active gt true", "'active' is a boolean: gt, ge, lt and le do not apply to it.")]
    [InlineData("active co \"t\"", "'active' is a boolean: co, sw and ew apply only to strings.")]
    [InlineData("userName gt true", "'userName' is a string: compare it with a string in double quotes, not true.")]
    [InlineData("meta.created gt \"yesterday\"", "'meta.created' is a dateTime: compare it with a string such as \"2011-05-13T04:42:34Z\", not \"yesterday\".")]
    [InlineData("meta.created co \"2011\"", "'meta.created' is a dateTime: co, sw and ew apply only to strings.")]
    [InlineData("password eq \"x\"", "'password' cannot be filtered.")]
    [InlineData("meta.location eq \"x\"", "'meta.location' cannot be filtered.")]
    [InlineData("name eq \"x\"", "'name' is complex: compare one of its sub-attributes, such as 'name.formatted'.")]
    [InlineData("userName[value pr]", "'userName' is not complex: '[…]' filters the values of a complex attribute.")]
    [InlineData("schemas sw \"urn\"", "'schemas' can be compared only with eq, ne and pr.")]
    [InlineData("nickname2 pr", "'nickname2' is not an attribute of the User resource type.")]
    public void FiltersTheStorageCannotAnswerAreInvalidFilter(string filter, string detail)
    {
        var error = Assert.Throws<ScimProtocolException>(() => Of(filter));
        Assert.Equal(400, error.Status);
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
        Assert.Equal(detail, error.Message);
    }
}
