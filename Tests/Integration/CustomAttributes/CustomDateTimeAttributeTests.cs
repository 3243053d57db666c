using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.CustomAttributeRequests;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.CustomAttributes;

/// <summary>
/// A declared dateTime compares and sorts as an instant (RFC 7644 §3.4.2.2, RFC 7643 §2.3.5), whatever offset
/// and fraction the IdP wrote it with, and is returned as the IdP wrote it.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class CustomDateTimeAttributeTests(ProvisioningApp app)
{
    // 05:00Z, 06:00Z, 05:30:00.5Z and 05:30Z, each as an IdP may write it.
    private const string FiveOClockInKarachi = "2024-01-01T10:00:00+05:00";
    private const string SixOClock = "2024-01-01T06:00:00Z";
    private const string HalfPastFiveAndAHalf = "2024-01-01T05:30:00.5Z";
    private const string HalfPastFive = "2024-01-01T05:30:00Z";

    private async Task<Tenant> TenantWithHireDatesAsync()
    {
        var tenant = await app.CreateTenantAsync();
        await app.DeclareAsync(tenant, Core("hireDate", CustomAttributeType.DateTime));
        foreach (var hireDate in new[] { FiveOClockInKarachi, SixOClock, HalfPastFiveAndAHalf, HalfPastFive })
        {
            await tenant.Scim.CreateUserAsync(Unique(), $$""" "hireDate": "{{hireDate}}" """);
        }
        return tenant;
    }

    private static async Task<string[]> HireDatesAsync(Tenant tenant, string query)
    {
        var list = await tenant.Scim.GetJsonAsync("Users?" + query);
        return list["Resources"]!.AsArray().Select(r => r!["hireDate"]!.GetValue<string>()).ToArray();
    }

    private static Task<string[]> FilteredAsync(Tenant tenant, string filter) =>
        HireDatesAsync(tenant, "filter=" + Uri.EscapeDataString(filter));

    [Fact]
    public async Task OrderingOperatorsCompareInstantsAcrossOffsetsAndFractions()
    {
        var tenant = await TenantWithHireDatesAsync();

        Assert.Equal([SixOClock], await FilteredAsync(tenant, "hireDate gt \"2024-01-01T05:45:00Z\""));
        Assert.Equal([HalfPastFiveAndAHalf, SixOClock], (await FilteredAsync(tenant, "hireDate gt \"2024-01-01T05:30:00Z\"")).Order());
        Assert.Equal([FiveOClockInKarachi], await FilteredAsync(tenant, "hireDate lt \"2024-01-01T05:30:00+00:00\""));
    }

    [Fact]
    public async Task EqualityMatchesTheSameInstantWrittenWithAnotherOffset()
    {
        var tenant = await TenantWithHireDatesAsync();

        Assert.Equal([FiveOClockInKarachi], await FilteredAsync(tenant, "hireDate eq \"2024-01-01T05:00:00Z\""));
        Assert.Equal([SixOClock], await FilteredAsync(tenant, "hireDate eq \"2024-01-01T06:00:00+00:00\""));
        Assert.Equal([HalfPastFiveAndAHalf], await FilteredAsync(tenant, "hireDate eq \"2024-01-01T05:30:00.500Z\""));
    }

    [Fact]
    public async Task SortByADateTimeOrdersByInstantAndReturnsTheValuesAsSent()
    {
        var tenant = await TenantWithHireDatesAsync();

        Assert.Equal([FiveOClockInKarachi, HalfPastFive, HalfPastFiveAndAHalf, SixOClock], await HireDatesAsync(tenant, "sortBy=hireDate"));
        Assert.Equal([SixOClock, HalfPastFiveAndAHalf, HalfPastFive, FiveOClockInKarachi],
            await HireDatesAsync(tenant, "sortBy=hireDate&sortOrder=descending"));
    }

    [Fact]
    public async Task AnOffsetBeyondFourteenHoursIsAnInvalidValueNotAServerError()
    {
        var tenant = await app.CreateTenantAsync();
        await app.DeclareAsync(tenant, Core("hireDate", CustomAttributeType.DateTime));

        using var response = await tenant.Scim.PostScimAsync("Users", $$"""{"userName":"{{Unique()}}","hireDate":"2024-01-01T10:00:00+99:00"}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task StoredValuesThatAreNoDateTimeNeitherMatchNorFailTheQuery()
    {
        // Declared string first, the values are kept as text; declared dateTime later, they stay as they were.
        var tenant = await app.CreateTenantAsync();
        await app.DeclareAsync(tenant, Core("hireDate"));
        var valid = await tenant.Scim.CreateUserAsync(Unique(), $$""" "hireDate": "{{SixOClock}}" """);
        var notADate = await tenant.Scim.CreateUserAsync(Unique(), """ "hireDate": "not a date" """);
        var noSuchDay = await tenant.Scim.CreateUserAsync(Unique(), """ "hireDate": "2024-02-31T00:00:00Z" """);
        var outOfRange = await tenant.Scim.CreateUserAsync(Unique(), """ "hireDate": "2024-01-01T10:00:00+99:00" """);
        await app.DeclareAsync(tenant, Core("hireDate", CustomAttributeType.DateTime));

        async Task<string[]> Ids(string query) =>
            (await tenant.Scim.GetJsonAsync("Users?" + query))["Resources"]!.AsArray().Select(r => r!.AsObject().Id()).ToArray();

        Assert.Equal([valid.Id()], await Ids("filter=" + Uri.EscapeDataString("hireDate gt \"2000-01-01T00:00:00Z\"")));
        Assert.Equal([valid.Id()], await Ids("filter=" + Uri.EscapeDataString("hireDate eq \"2024-01-01T06:00:00+00:00\"")));
        Assert.Equal(new[] { notADate.Id(), noSuchDay.Id(), outOfRange.Id() }.Order(),
            (await Ids("filter=" + Uri.EscapeDataString("hireDate ne \"2024-01-01T06:00:00Z\""))).Order());
        // They sort as missing values do: after the dates, either way.
        Assert.Equal(valid.Id(), (await Ids("sortBy=hireDate"))[0]);
        Assert.Equal(valid.Id(), (await Ids("sortBy=hireDate&sortOrder=descending"))[0]);
    }
}
