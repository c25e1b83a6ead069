using GraphQL.Validation.Complexity;

namespace Chat.Gateway.Validation;

/// <summary>
/// Introspection fields read the in-memory schema, not services, so they cost nothing in the complexity budget
/// (the standard introspection query alone would weigh over 3000). Their size is bounded instead by
/// <see cref="BoundedDocumentValidator"/>: a depth limit and at most three nested introspection lists.
/// </summary>
public static class IntrospectionComplexity
{
    public static Func<FieldImpactContext, FieldComplexityResult> Wrap(Func<FieldImpactContext, FieldComplexityResult> inner) =>
        context => context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) ||
                   context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
            ? new FieldComplexityResult(0, 1)
            : inner(context);
}
