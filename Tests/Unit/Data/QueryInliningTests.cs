using System.Linq.Expressions;
using Provisioning.ScimService.Data;

namespace Provisioning.Tests.Unit.Data;

public sealed class QueryInliningTests
{
    [Inlined]
    private static int Doubled(int value) => throw new InvalidOperationException("Only in an inlined query.");

    private static readonly Expression<Func<int, int>> DoubledExpression = value => value * 2;

    [Fact]
    public void AMarkedCallIsReplacedByItsExpressionBoundToTheCallsArguments()
    {
        var inlined = QueryInlining.Inline<int, int>(x => Doubled(x + 1) + Doubled(x));

        Assert.Equal(10, inlined.Compile()(2)); // (2 + 1) × 2 + 2 × 2
        Assert.DoesNotContain("Doubled", inlined.ToString());
    }

    [Fact]
    public void AQueryOverASequenceInlinesTheMarkedPartInsideItsLambdas()
    {
        var inlined = QueryInlining.Inline<int[], int[]>(values => values.AsQueryable().Select(v => Doubled(v)).ToArray());

        Assert.Equal([2, 4, 6], inlined.Compile()([1, 2, 3]));
    }
}
