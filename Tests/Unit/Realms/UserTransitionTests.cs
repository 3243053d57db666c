using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.Tests.Unit.Realms;

public sealed class UserTransitionTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly UserSnapshot Active = new(Id, true, "ada@example.com", "Ada Lovelace");
    private static readonly UserSnapshot Inactive = Active with { Active = false };

    public static TheoryData<string, UserSnapshot?, UserSnapshot?, UserTransition[]> Transitions => new()
    {
        { "created active", null, Active, [UserTransition.CreatedActive] },
        { "created inactive", null, Inactive, [UserTransition.CreatedInactive] },
        { "deactivated", Active, Inactive, [UserTransition.Deactivated] },
        { "reactivated", Inactive, Active, [UserTransition.Reactivated] },
        { "email changed", Active, Active with { Email = "ada@new.example" }, [UserTransition.ProfileChanged] },
        { "name changed", Active, Active with { DisplayName = "Ada King" }, [UserTransition.ProfileChanged] },
        { "renamed then deactivated", Active, Inactive with { Email = "ada@new.example" }, [UserTransition.ProfileChanged, UserTransition.Deactivated] },
        { "reactivated then renamed", Inactive, Active with { Email = "ada@new.example" }, [UserTransition.Reactivated, UserTransition.ProfileChanged] },
        { "nothing the engine cares about", Active, Active, [] },
        { "deleted while active", Active, null, [UserTransition.DeletedWhileActive] },
        { "deleted while inactive", Inactive, null, [UserTransition.DeletedWhileInactive] },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void TheTransitionsBetweenTwoStatesComeInTheOrderTheyApply(string shape, UserSnapshot? before, UserSnapshot? after, UserTransition[] expected)
    {
        Assert.NotEmpty(shape);
        Assert.Equal(expected, UserTransitions.Between(before, after));
    }

    [Theory]
    [InlineData("""{"emails":[{"value":"b@example.com"},{"value":"A@Example.com","primary":true}]}""", "A@Example.com")]
    [InlineData("""{"emails":[{"value":"b@example.com","type":"work"}]}""", "b@example.com")]
    [InlineData("""{}""", "jo@user.example")]
    public void TheAccountEmailIsThePrimaryEmailElseTheFirstElseTheUserName(string attributes, string expected)
    {
        var snapshot = UserSnapshot.From(Id, true, "jo@user.example", null, JsonNode.Parse(attributes)!.AsObject());

        Assert.Equal(expected, snapshot.Email);
    }

    [Fact]
    public void TheAccountNameIsTheDisplayNameElseTheComposedName()
    {
        var attributes = JsonNode.Parse("""{"name":{"givenName":"Grace","familyName":"Hopper"}}""")!.AsObject();

        Assert.Equal("Grace Hopper", UserSnapshot.From(Id, true, "g@example.com", null, attributes).DisplayName);
        Assert.Equal("Amazing Grace", UserSnapshot.From(Id, true, "g@example.com", "Amazing Grace", attributes).DisplayName);
    }
}
