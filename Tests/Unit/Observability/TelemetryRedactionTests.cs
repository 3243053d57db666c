using Microsoft.Extensions.Hosting;

namespace Provisioning.Tests.Unit.Observability;

/// <summary>Query strings and messages keep attribute names and operators; the values an IdP sent never reach telemetry.</summary>
public sealed class TelemetryRedactionTests
{
    [Fact]
    public void AnOktaLookUpKeepsItsAttributeAndOperatorButNotTheEmail()
    {
        var redacted = TelemetryRedaction.Query("?filter=userName%20eq%20%22jane.doe%40acme.example%22&startIndex=1&count=100");

        Assert.Equal("?filter=userName eq \"…\"&startIndex=1&count=100", redacted);
    }

    [Fact]
    public void AnEntraFilterOnExternalIdAndACompoundFilterLoseEveryLiteral()
    {
        Assert.Equal("?filter=externalId eq \"…\"&excludedAttributes=members",
            TelemetryRedaction.Query("?filter=externalId+eq+%2212345-abc%22&excludedAttributes=members"));
        Assert.Equal("?filter=emails[type eq \"…\" and value co \"…\"] or meta.lastModified gt \"…\" or active eq …",
            TelemetryRedaction.Query("?filter=" + Uri.EscapeDataString("emails[type eq \"work\" and value co \"@acme.example\"] or meta.lastModified gt \"2026-01-01T00:00:00Z\" or active eq true")));
    }

    [Fact]
    public void AParameterOfNoKnownShapeKeepsOnlyItsName()
    {
        Assert.Equal("?token=…&flag", TelemetryRedaction.Query("?token=prv_secret&flag"));
    }

    [Fact]
    public void AMessageLosesItsQuotedValuesAndEmails()
    {
        var redacted = TelemetryRedaction.Text("userName 'jane@acme.example' is taken; the filter \"userName eq x\" failed for bob@acme.example");

        Assert.DoesNotContain("jane", redacted);
        Assert.DoesNotContain("bob@", redacted);
        Assert.Contains("userName '…' is taken", redacted);
    }

    [Fact]
    public void AUrlKeepsItsPathAndLosesItsQueryValues()
    {
        Assert.Equal("http://scimservice/scim/v2/Users?filter=userName eq \"…\"",
            TelemetryRedaction.Url(new Uri("http://scimservice/scim/v2/Users?filter=userName%20eq%20%22jane%40acme.example%22")));
    }
}
