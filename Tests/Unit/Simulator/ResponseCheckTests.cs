using System.Text.Json.Nodes;
using Provisioning.Simulator.Checks;
using Provisioning.Simulator.Scim;

namespace Provisioning.Tests.Unit.Simulator;

/// <summary>Responses are judged as the IdPs judge them, and a refusal says why.</summary>
public sealed class ResponseCheckTests
{
    private static ScimResponse Response(int status, string json, string contentType = "application/scim+json") =>
        new(status, JsonNode.Parse(json.Replace('\'', '"')), json, contentType);

    [Fact]
    public void AnEmptyListResponseWithIntegerPagingPasses()
    {
        var response = Response(200, "{'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'totalResults':0,'startIndex':1,'itemsPerPage':0,'Resources':[]}");

        Assert.Null(ScimChecks.FindsNothing(response));
    }

    [Fact]
    public void PagingNumbersSentAsStringsAreRefusedAsOktaRefusesThem()
    {
        var response = Response(200, "{'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'totalResults':'0','startIndex':1,'itemsPerPage':0}");

        Assert.Equal("totalResults is not an integer ('\"0\"')", ScimChecks.ListResponse(response));
    }

    [Fact]
    public void ACreatedUserMustEchoWhatWasSent()
    {
        var response = Response(201, "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u-1','userName':'other@x','name':{'givenName':'Ada','familyName':'Lovelace'},'active':true}");

        Assert.Equal("userName is 'other@x', expected 'ada@x'", ScimChecks.UserCreated("ada@x", "Ada", "Lovelace")(response));
        Assert.Equal("expected 201, got 200", ScimChecks.UserCreated("other@x", "Ada", "Lovelace")(response with { Status = 200 }));
    }

    [Fact]
    public void AnIdThatDoesNotRoundTripIsRefused()
    {
        var response = Response(200, "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u-2','userName':'ada@x'}");

        Assert.Equal("id is 'u-2', expected 'u-1'", ScimChecks.User("u-1")(response));
    }

    [Fact]
    public void APatchMayAnswer204OrTheChangedUser()
    {
        var check = ScimChecks.Patched("u-1", Checks.BooleanEquals("active", false));

        Assert.Null(check(new ScimResponse(204, null, "", null)));
        Assert.Equal("active is 'true', expected false",
            check(Response(200, "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u-1','userName':'ada@x','active':true}")));
    }

    [Fact]
    public void MembersReturnedDespiteExcludedAttributesAreRefused()
    {
        var response = Response(200, "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g-1','displayName':'G','members':[]}");

        Assert.Equal("members was returned but the request excluded it", Checks.All(ScimChecks.Group("g-1"), Checks.Absent("members"))(response));
    }

    [Fact]
    public void AnHtmlAnswerIsNotJson()
    {
        var response = new ScimResponse(200, null, "<html>proxy error</html>", "text/html");

        Assert.StartsWith("expected a JSON object, got '<html>", Checks.JsonBody(response));
    }
}
