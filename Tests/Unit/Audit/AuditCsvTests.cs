using Provisioning.AdminUi.Pages.Audit;
using Provisioning.Contracts;

namespace Provisioning.Tests.Unit.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("plain text", "plain text")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void ACellThatASpreadsheetWouldReadAsAFormulaStartsWithAQuote(string value, string cell) =>
        Assert.Equal(cell, AuditCsv.Cell(value));

    [Fact]
    public void EachEntryIsOneRowUnderTheHeaderInUtc()
    {
        var csv = AuditCsv.Write(
        [
            new AuditEntryDto(2, new DateTimeOffset(2026, 11, 29, 23, 0, 5, TimeSpan.FromHours(1)), "it@acme.example", "203.0.113.7", "token.created", "Dashboard token prv_abc…"),
            new AuditEntryDto(1, new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), "operator", null, "organization.created", "acme"),
        ]);

        Assert.Equal(
            "When (UTC),Who,From,Action,Target\r\n"
            + "2026-11-29 22:00:05,it@acme.example,203.0.113.7,token.created,Dashboard token prv_abc…\r\n"
            + "2026-11-28 08:00:00,operator,,organization.created,acme\r\n",
            csv);
    }
}
