using System.Globalization;
using System.Text;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Audit;

/// <summary>
/// The audit entries as RFC 4180 CSV, safe to open in a spreadsheet: a cell that a spreadsheet
/// would read as a formula (it starts with = + - @, a tab or a carriage return) gets a leading
/// quote, since targets and who can carry text a stranger chose (a group name, an email).
/// </summary>
public static class AuditCsv
{
    public const string Header = "When (UTC),Who,From,Action,Target";

    public static string Write(IEnumerable<AuditEntryDto> entries)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var entry in entries)
        {
            csv.Append(Cell(entry.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append(',')
                .Append(Cell(entry.Actor)).Append(',')
                .Append(Cell(entry.ActorIp ?? "")).Append(',')
                .Append(Cell(entry.Action)).Append(',')
                .Append(Cell(entry.Target)).Append("\r\n");
        }
        return csv.ToString();
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
