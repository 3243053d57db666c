using System.Data.Common;
using Microsoft.Extensions.Hosting;

namespace Provisioning.Tests.Unit.Data;

/// <summary>The bounds a service's PostgreSQL connection string gets (docs/reliability.md).</summary>
public sealed class BoundedPostgresTests
{
    private static DbConnectionStringBuilder Parse(string? connectionString) => new() { ConnectionString = connectionString };

    [Fact]
    public void AServiceGetsItsConnectAndCommandBoundsAndEfCoreIsToldTheSame()
    {
        var bounded = FailFast.BoundedPostgres("Host=db.internal;Database=scimdb;SSL Mode=Require", connectSeconds: 1, commandSeconds: 1);

        Assert.Equal("1", Parse(bounded)["Timeout"]);
        Assert.Equal("1", Parse(bounded)["Command Timeout"]);
        Assert.Equal(1, FailFast.CommandTimeoutOf(bounded));
    }

    [Fact]
    public void SettingsAnOperatorWroteWin()
    {
        var bounded = FailFast.BoundedPostgres("Host=localhost;CommandTimeout=30;SslMode=Require", connectSeconds: 1, commandSeconds: 1);

        Assert.Equal(30, FailFast.CommandTimeoutOf(bounded));
        Assert.False(Parse(bounded).ContainsKey("SSL Mode"));
    }

    [Theory]
    [InlineData("Host=localhost;Port=5432")]
    [InlineData("Host=127.0.0.1")]
    [InlineData("Server=[::1]:5432")]
    [InlineData("Host=/var/run/postgresql")]
    public void OnThisMachineTlsIsOffSoACancelledCommandWaitsOneConnectTimeoutNotTwo(string connectionString) =>
        Assert.Equal("Disable", Parse(FailFast.BoundedPostgres(connectionString))["SSL Mode"]);

    [Theory]
    [InlineData("Host=db.internal")]
    [InlineData("Host=localhost,db.internal")]
    public void ElsewhereTlsIsLeftAsTheOperatorConfiguredIt(string connectionString) =>
        Assert.False(Parse(FailFast.BoundedPostgres(connectionString)).ContainsKey("SSL Mode"));
}
