using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Provisioning.AdminUi.Pages;

public static class Time
{
    /// <summary>
    /// A UTC timestamp in a &lt;time&gt; element; site.js rewrites it in the admin's local time,
    /// and without JavaScript it reads as UTC.
    /// </summary>
    public static IHtmlContent Show(DateTimeOffset? value, string never = "Never")
    {
        if (value is not { } time)
        {
            return new HtmlString($"<span class=\"text-body-secondary\">{System.Net.WebUtility.HtmlEncode(never)}</span>");
        }
        var utc = time.ToUniversalTime();
        return new HtmlString(
            $"<time datetime=\"{utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">{utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC</time>");
    }
}
