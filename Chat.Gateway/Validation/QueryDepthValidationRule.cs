using Chat.Gateway.Configuration;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Validation;

/// <summary>
/// Limits how deeply selections nest, fragments expanded. Introspection (<c>__schema</c>, <c>__type</c>) gets
/// its own, larger limit: the standard introspection query that IDEs and code generators send nests its
/// <c>ofType</c> chain about 12 levels deep, and refusing it would make the API opaque to tooling. Introspection
/// lists (types, fields, args, ...) may nest at most three deep, as in that query: deeper nesting such as
/// <c>fields { type { fields { type { fields ...</c> would multiply the work without adding information.
/// </summary>
public sealed class QueryDepthValidationRule(IOptions<GraphQLEndpointOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var limits = options.Value;
        var walk = new Walk(context, limits.MaxDepth, limits.MaxIntrospectionDepth);
        if (context.Operation is { } operation && !walk.Within(operation.SelectionSet, 1, -1, []))
        {
            context.ReportError(new ValidationError(
                context.Document.Source, "QUERY_DEPTH", walk.FailureMessage!, operation));
        }

        return default;
    }

    private const int MaxIntrospectionListNesting = 3;

    private static readonly HashSet<string> IntrospectionLists =
        ["types", "fields", "args", "inputFields", "interfaces", "possibleTypes", "enumValues", "directives"];

    private sealed class Walk(ValidationContext context, int maxDepth, int maxIntrospectionDepth)
    {
        public string? FailureMessage { get; private set; }

        /// <summary>Whether every selection under <paramref name="selectionSet"/> (at <paramref name="depth"/>) is within the limits.</summary>
        public bool Within(GraphQLSelectionSet selectionSet, int depth, int introspectionLists, HashSet<string> fragmentPath)
        {
            foreach (var selection in selectionSet.Selections)
            {
                var ok = selection switch
                {
                    GraphQLField field => WithinField(field, depth, introspectionLists, fragmentPath),
                    GraphQLInlineFragment inline => Within(inline.SelectionSet, depth, introspectionLists, fragmentPath),
                    GraphQLFragmentSpread spread => WithinFragment(spread, depth, introspectionLists, fragmentPath),
                    _ => true,
                };
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private bool WithinField(GraphQLField field, int depth, int introspectionLists, HashSet<string> fragmentPath)
        {
            // -1: outside introspection; from __schema/__type on, the number of introspection lists entered.
            var name = field.Name.StringValue;
            if (introspectionLists < 0 && name is "__schema" or "__type")
            {
                introspectionLists = 0;
            }
            else if (introspectionLists >= 0 && IntrospectionLists.Contains(name) && ++introspectionLists > MaxIntrospectionListNesting)
            {
                FailureMessage = $"Introspection lists may nest at most {MaxIntrospectionListNesting} deep.";
                return false;
            }

            var introspection = introspectionLists >= 0;
            var limit = introspection ? maxIntrospectionDepth : maxDepth;
            if (depth > limit)
            {
                FailureMessage = introspection
                    ? $"Introspection query is nested too deeply; the maximum depth is {limit}."
                    : $"Query is nested too deeply; the maximum depth is {limit}.";
                return false;
            }

            return field.SelectionSet is null || Within(field.SelectionSet, depth + 1, introspectionLists, fragmentPath);
        }

        private bool WithinFragment(GraphQLFragmentSpread spread, int depth, int introspectionLists, HashSet<string> fragmentPath)
        {
            var name = spread.FragmentName.Name.StringValue;
            // A fragment cycle is reported by the standard NoFragmentCycles rule; here it only must not recurse forever.
            if (context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is not { } fragment || !fragmentPath.Add(name))
            {
                return true;
            }

            var ok = Within(fragment.SelectionSet, depth, introspectionLists, fragmentPath);
            fragmentPath.Remove(name);
            return ok;
        }
    }
}
