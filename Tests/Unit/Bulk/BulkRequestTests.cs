using Provisioning.ScimService.Bulk;
using Provisioning.ScimService.Protocol;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Bulk;

public sealed class BulkRequestTests
{
    [Fact]
    public void ABulkIdUsedByTwoOperationsRefusesTheRequestNamingIt()
    {
        var body = Json("""
            {'Operations':[
              {'method':'POST','path':'/Users','bulkId':'u','data':{'userName':'a'}},
              {'method':'POST','path':'/Groups','bulkId':'g','data':{'displayName':'g'}},
              {'method':'PATCH','path':'/Users/bulkId:u','bulkId':'u','data':{'Operations':[]}}]}
            """);

        var error = Error(ScimType.InvalidValue, "'u'", () => BulkRequest.Parse(body));

        Assert.Contains("operations 1 and 3", error.Message);
    }

    [Fact]
    public void BulkIdsThatDifferOnlyInCaseAreDistinct()
    {
        var body = Json("""
            {'Operations':[
              {'method':'POST','path':'/Users','bulkId':'u','data':{'userName':'a'}},
              {'method':'POST','path':'/Users','bulkId':'U','data':{'userName':'b'}}]}
            """);

        Assert.Equal(["u", "U"], BulkRequest.Parse(body).Operations.Select(op => op.BulkId));
    }
}
