using System.Linq.Expressions;
using System.Reflection;

namespace Provisioning.ScimService.Data;

/// <summary>
/// Lets queries share one part written once. A query calls a marker method (<see cref="InlinedAttribute"/>)
/// whose expression is a static field of the same name plus "Expression"; <c>Inline</c> puts
/// that expression's body in place of the call, its parameters bound to the call's arguments. EF can then
/// translate, and compile, a query it could not have seen into through a method call.
/// </summary>
public static class QueryInlining
{
    public static Expression<Func<T, TResult>> Inline<T, TResult>(Expression<Func<T, TResult>> query) => Expand(query);

    /// <summary>The shape of a compiled query: the context and three arguments (a cancellation token counts as one).</summary>
    public static Expression<Func<T1, T2, T3, T4, TResult>> Inline<T1, T2, T3, T4, TResult>(Expression<Func<T1, T2, T3, T4, TResult>> query) =>
        Expand(query);

    private static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Inliner().Visit(query);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression call)
        {
            if (!call.Method.IsDefined(typeof(InlinedAttribute), inherit: false))
            {
                return base.VisitMethodCall(call);
            }
            var field = call.Method.DeclaringType!.GetField(call.Method.Name + "Expression", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                ?? throw new InvalidOperationException($"{call.Method.Name} is marked inlined but has no {call.Method.Name}Expression field.");
            var part = (LambdaExpression)field.GetValue(null)!;
            var arguments = call.Arguments.Select(Visit).ToList();
            return Visit(new ParameterBinder(part.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second!)).Visit(part.Body));
        }
    }

    private sealed class ParameterBinder(Dictionary<ParameterExpression, Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => arguments.GetValueOrDefault(node, node);
    }
}

/// <summary>Marks a method that only stands for an expression in a query, for <see cref="QueryInlining"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InlinedAttribute : Attribute;
