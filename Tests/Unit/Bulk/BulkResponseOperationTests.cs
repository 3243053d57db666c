using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Provisioning.ScimService.Bulk;
using Provisioning.ScimService.Protocol;

namespace Provisioning.Tests.Unit.Bulk;

public sealed class BulkResponseOperationTests
{
    private static readonly Guid Id = Guid.Parse("b7c14771-226c-4d05-8860-134711653041");

    [Theory]
    [InlineData("PATCH", 204)]
    [InlineData("DELETE", 204)]
    [InlineData("PUT", 412)]
    public void AnOperationOnAResourceNamesItsAbsoluteUrl(string method, int status)
    {
        var result = BulkResponseOperation.Create(new(method, $"/users/{Id}", null, null, null), Outcome(status), Request());

        Assert.Equal($"https://scim.example.com/scim/v2/Users/{Id}", result["location"]!.GetValue<string>());
    }

    [Fact]
    public void AnOperationWhoseBulkIdNeverResolvedNamesNoLocation()
    {
        var result = BulkResponseOperation.Create(new("DELETE", "/Users/bulkId:nowhere", null, null, null), Outcome(409), Request());

        Assert.Null(result["location"]);
    }

    [Fact]
    public void AFailedPostNamesNoLocation()
    {
        var result = BulkResponseOperation.Create(new("POST", "/Users", "u", null, new JsonObject()), Outcome(400), Request());

        Assert.Null(result["location"]);
        Assert.Equal("u", result["bulkId"]!.GetValue<string>());
    }

    private static ScimJsonResult Outcome(int status) =>
        status >= 400 ? ScimResults.Error(status, "refused") : new ScimJsonResult(status, null);

    private static HttpRequest Request()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString("scim.example.com");
        return request;
    }
}
