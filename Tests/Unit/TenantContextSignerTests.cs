using Provisioning.Contracts;

namespace Provisioning.Tests.Unit;

public sealed class TenantContextSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly TenantContextSigner _signer = new(new string('k', 40));

    private static TenantContext Context(DateTimeOffset expiresAt) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Realm.Dashboard, Guid.NewGuid(), "okta", expiresAt);

    [Fact]
    public void ASignedContextVerifiesToTheSameContext()
    {
        var context = Context(Now.AddMinutes(1));
        Assert.Equal(context, _signer.Verify(_signer.Sign(context), Now));
    }

    [Fact]
    public void AnExpiredContextIsRefused() =>
        Assert.Null(_signer.Verify(_signer.Sign(Context(Now.AddSeconds(-1))), Now));

    [Fact]
    public void AContextSignedWithAnotherKeyIsRefused()
    {
        var other = new TenantContextSigner(new string('x', 40));
        Assert.Null(_signer.Verify(other.Sign(Context(Now.AddMinutes(1))), Now));
    }

    [Fact]
    public void AContextWhosePayloadWasChangedIsRefused()
    {
        var signed = _signer.Sign(Context(Now.AddMinutes(1)));
        var forged = _signer.Sign(Context(Now.AddMinutes(1)));
        var tampered = forged[..forged.IndexOf('.')] + signed[signed.IndexOf('.')..];
        Assert.Null(_signer.Verify(tampered, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("!!!.###")]
    public void GarbageIsRefusedWithoutThrowing(string? header) => Assert.Null(_signer.Verify(header, Now));
}
