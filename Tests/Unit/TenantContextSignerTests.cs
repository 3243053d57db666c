using Provisioning.Contracts;

namespace Provisioning.Tests.Unit;

public sealed class TenantContextSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private const string Path = "/scim/v2/Users";
    private readonly TenantContextSigner _signer = new(new string('k', 40));

    private static TenantContext Context(DateTimeOffset expiresAt) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Realm.Dashboard, Guid.NewGuid(), "okta", expiresAt);

    [Fact]
    public void ASignedContextVerifiesToTheSameContext()
    {
        var context = Context(Now.AddMinutes(1));
        Assert.Equal(context, _signer.Verify(_signer.Sign(context, "GET", Path), "GET", Path, Now));
    }

    [Fact]
    public void AnExpiredContextIsRefused() =>
        Assert.Null(_signer.Verify(_signer.Sign(Context(Now.AddSeconds(-1)), "GET", Path), "GET", Path, Now));

    [Fact]
    public void AContextSignedWithAnotherKeyIsRefused()
    {
        var other = new TenantContextSigner(new string('x', 40));
        Assert.Null(_signer.Verify(other.Sign(Context(Now.AddMinutes(1)), "GET", Path), "GET", Path, Now));
    }

    [Fact]
    public void AContextWhosePayloadWasChangedIsRefused()
    {
        var signed = _signer.Sign(Context(Now.AddMinutes(1)), "GET", Path);
        var forged = _signer.Sign(Context(Now.AddMinutes(1)), "GET", Path);
        var tampered = forged[..forged.IndexOf('.')] + signed[signed.IndexOf('.')..];
        Assert.Null(_signer.Verify(tampered, "GET", Path, Now));
    }

    [Theory]
    [InlineData("DELETE", Path)]
    [InlineData("get", Path)]
    [InlineData("GET", "/scim/v2/Groups")]
    [InlineData("GET", "/scim/v2/Users/other")]
    [InlineData("GET", "/scim/v2/users")]
    public void AContextIsRefusedOnAnyOtherMethodOrPath(string method, string path) =>
        Assert.Null(_signer.Verify(_signer.Sign(Context(Now.AddMinutes(1)), "GET", Path), method, path, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("!!!.###")]
    public void GarbageIsRefusedWithoutThrowing(string? header) => Assert.Null(_signer.Verify(header, "GET", Path, Now));
}
