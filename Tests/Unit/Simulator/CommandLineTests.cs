using Provisioning.Contracts;
using Provisioning.Simulator.Options;
using Provisioning.Simulator.Scim;

namespace Provisioning.Tests.Unit.Simulator;

public sealed class CommandLineTests
{
    [Fact]
    public void TheLoadCommandIsRead()
    {
        var (options, error) = CommandLine.Parse(["--idp", "mixed", "--tenants", "100", "--rate", "25", "--duration", "60s", "--users", "30", "--churn", "1200", "--json", "load.json"]);

        Assert.Null(error);
        Assert.Equal((IdpChoice.Mixed, 100, 25.0, TimeSpan.FromSeconds(60), 30, 1200.0, "load.json"),
            (options!.Idp, options.Tenants, options.Rate, options.Duration, options.Users, options.Churn, options.JsonFile));
    }

    [Theory]
    [InlineData("10m", 600)]
    [InlineData("1.5h", 5400)]
    [InlineData("00:00:30", 30)]
    [InlineData("0", 0)]
    public void DurationsReadAsPeopleWriteThem(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), CommandLine.Duration("--duration", text));

    [Theory]
    [InlineData("--idp", "ping", "--idp: 'ping' is not one of okta, entra, mixed.")]
    [InlineData("--users", "-1", "--users: '-1' is not a whole number of 0 or more.")]
    [InlineData("--duration", "soon", "--duration: 'soon' is not a duration (try 60s, 10m or 1h).")]
    [InlineData("--realm", "Payroll", "--realm: 'Payroll' is not one of enterprisestore, dashboard, mdmportal.")]
    public void BadValuesAreNamed(string name, string value, string expected) =>
        Assert.Equal(expected, CommandLine.Parse([name, value]).Error);

    [Fact]
    public void AUrlNeedsAToken()
    {
        Assert.Equal("--url needs --token.", CommandLine.Parse(["--url", "http://localhost:8080/scim/v2"]).Error);
        Assert.Equal(Realm.Dashboard, CommandLine.Parse(["--realm", "dashboard"]).Options!.Realm);
    }

    [Fact]
    public void RetryAfterIsHonouredInSecondsOrAsADateElseBacksOff()
    {
        var now = DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter.Delay(new(TimeSpan.FromSeconds(3)), 1, now));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryAfter.Delay(new(now.AddSeconds(10)), 1, now));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryAfter.Delay(null, 3, now));
        Assert.Equal(TimeSpan.FromSeconds(60), RetryAfter.Delay(new(TimeSpan.FromHours(1)), 1, now));
    }
}
