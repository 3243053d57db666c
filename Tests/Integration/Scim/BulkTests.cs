using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

[Collection(ProvisioningAppCollection.Name)]
public sealed class BulkTests(ProvisioningApp app)
{
    [Fact]
    public async Task BulkIdReferencesResolveEvenWhenTheyPointForward()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique();

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Groups","bulkId":"g1","data":{"displayName":"Bulk group","members":[{"type":"User","value":"bulkId:u1"}]}},
              {"method":"POST","path":"/Users","bulkId":"u1","data":{"userName":"{{{userName}}}"}}]}
            """);

        var body = await ScimAssert.SuccessAsync(response);
        var operations = body["Operations"]!.AsArray();
        Assert.All(operations, op => Assert.Equal("201", op!["status"]!.GetValue<string>()));
        var groupLocation = operations.Single(op => op!["bulkId"]!.GetValue<string>() == "g1")!["location"]!.GetValue<string>();
        var group = await tenant.Scim.GetJsonAsync(groupLocation);
        var user = (await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}"))["Resources"]![0]!;
        Assert.Equal(user["id"]!.GetValue<string>(), Assert.Single(group["members"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailureInOneOperationIsThatOperationsResultAndTheOthersStillRun()
    {
        var tenant = await app.CreateTenantAsync();
        // A userName too long for PostgreSQL's index (random, so it does not compress) once failed in
        // the database and turned the whole Bulk response into a 500; it is now refused by the protocol.
        var tooLong = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6000));
        string first = Unique(), last = Unique();

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"{{{first}}}"}},
              {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"{{{tooLong}}}"}},
              {"method":"POST","path":"/Users","bulkId":"c","data":{"userName":"{{{last}}}"}}]}
            """);

        var operations = (await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray();
        Assert.Equal(["a:201", "b:400", "c:201"], operations.Select(op => $"{op!["bulkId"]}:{op["status"]}"));
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", operations[1]!["response"]!["schemas"]![0]!.GetValue<string>());
        Assert.Equal(2, (await tenant.Scim.GetJsonAsync("Users"))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task OperationsWhoseReferencesFormACycleFailWithoutRunningAndTheRestRun()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Groups","bulkId":"x","data":{"displayName":"{{{Unique()}}}","members":[{"value":"bulkId:y"}]}},
              {"method":"POST","path":"/Groups","bulkId":"y","data":{"displayName":"{{{Unique()}}}","members":[{"value":"bulkId:x"}]}},
              {"method":"POST","path":"/Users","bulkId":"u","data":{"userName":"{{{Unique()}}}"}}]}
            """);

        var operations = (await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray();
        Assert.Equal(["u:201", "x:409", "y:409"], operations.Select(op => $"{op!["bulkId"]}:{op["status"]}"));
        Assert.Contains("cycle", operations[1]!["response"]!["detail"]!.GetValue<string>());
        Assert.Equal(0, (await tenant.Scim.GetJsonAsync("Groups"))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task PatchAndDeleteReportTheAbsoluteUrlOfTheResourceTheirBulkIdResolvedTo()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Groups","bulkId":"gg","data":{"displayName":"{{{Unique()}}}"}},
              {"method":"POST","path":"/Users","bulkId":"uu","data":{"userName":"{{{Unique()}}}"}},
              {"method":"PATCH","path":"/Groups/bulkId:gg","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations":[{"op":"add","path":"members","value":[{"value":"bulkId:uu"}]}]}},
              {"method":"DELETE","path":"/Users/bulkId:uu"}]}
            """);

        var operations = (await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray();
        Assert.Equal(["POST:201", "POST:201", "PATCH:204", "DELETE:204"], operations.Select(op => $"{op!["method"]}:{op["status"]}"));
        var groupLocation = operations[0]!["location"]!.GetValue<string>();
        var userLocation = operations[1]!["location"]!.GetValue<string>();
        Assert.StartsWith("http", groupLocation);
        Assert.Equal(groupLocation, operations[2]!["location"]!.GetValue<string>());
        Assert.Equal(userLocation, operations[3]!["location"]!.GetValue<string>());
        Assert.Equal(groupLocation, (await tenant.Scim.GetJsonAsync(groupLocation))["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailedPatchNamesTheUrlItAddressedAndOneWhoseBulkIdNeverResolvedNamesNone()
    {
        var tenant = await app.CreateTenantAsync();
        var missing = Guid.NewGuid();

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"PATCH","path":"/Users/{{{missing}}}","data":{"Operations":[{"op":"replace","value":{"active":false}}]}},
              {"method":"DELETE","path":"/Users/bulkId:nowhere"}]}
            """);

        var operations = (await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray();
        Assert.Equal(["404", "409"], operations.Select(op => op!["status"]!.GetValue<string>()));
        var location = operations[0]!["location"]!.GetValue<string>();
        Assert.StartsWith("http", location);
        Assert.EndsWith($"/scim/v2/Users/{missing}", location);
        Assert.Null(operations[1]!["location"]);
    }

    [Fact]
    public async Task ABulkIdUsedTwiceRejectsTheWholeRequestBeforeAnythingIsCreated()
    {
        var tenant = await app.CreateTenantAsync();
        string first = Unique(), second = Unique();

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Users","bulkId":"twice","data":{"userName":"{{{first}}}"}},
              {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"{{{Unique()}}}","members":[{"value":"bulkId:twice"}]}},
              {"method":"POST","path":"/Users","bulkId":"twice","data":{"userName":"{{{second}}}"}}]}
            """);

        var error = await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("'twice'", error["detail"]!.GetValue<string>());
        foreach (var userName in new[] { first, second })
        {
            var found = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}");
            Assert.Equal(0, found["totalResults"]!.GetValue<int>());
        }
        Assert.Equal(0, (await tenant.Scim.GetJsonAsync("Groups"))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task FailOnErrorsStopsAfterThatManyFailures()
    {
        var tenant = await app.CreateTenantAsync();
        var taken = Unique();
        await tenant.Scim.CreateUserAsync(taken);

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":1,"Operations":[
              {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"{{{taken}}}"}},
              {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"{{{Unique()}}}"}}]}
            """);

        var operation = Assert.Single((await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray())!;
        Assert.Equal("409", operation["status"]!.GetValue<string>());
        Assert.Equal("uniqueness", operation["response"]!["scimType"]!.GetValue<string>());
        Assert.Equal(1, (await tenant.Scim.GetJsonAsync("Users"))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task MoreOperationsThanAdvertisedIs413()
    {
        var tenant = await app.CreateTenantAsync();
        var operations = string.Join(",", Enumerable.Range(0, 1001).Select(i => $$"""{"method":"DELETE","path":"/Users/{{Guid.NewGuid()}}"}"""));

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{operations}}]}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task EachOperationReportsItsOwnOutcome()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(Unique());

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"PATCH","path":"/Users/{{{user.Id()}}}","data":{"Operations":[{"op":"replace","value":{"active":false}}]}},
              {"method":"DELETE","path":"/Users/{{{Guid.NewGuid()}}}"}]}
            """);

        var operations = (await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray();
        Assert.Equal(["200", "404"], operations.Select(op => op!["status"]!.GetValue<string>()));
        Assert.False((await tenant.Scim.GetJsonAsync($"Users/{user.Id()}"))["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnUnknownMethodRejectsTheWholeRequestBeforeAnythingRuns()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(Unique());

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"PATCH","path":"/Users/{{{user.Id()}}}","data":{"Operations":[{"op":"replace","value":{"active":false}}]}},
              {"method":"DELETE","path":"/Users/{{{Guid.NewGuid()}}}"},
              {"method":"GET","path":"/Users"}]}
            """);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.True((await tenant.Scim.GetJsonAsync($"Users/{user.Id()}"))["active"]!.GetValue<bool>());
    }
}
