using GraphQLParser;
using GraphQLParser.AST;

namespace Chat.Gateway.Validation;

/// <summary>
/// The size of an operation with its fragments expanded — how deep its fields nest and how many there are — measured
/// in time linear in the document, not in the expansion. Each fragment is measured once per introspection context and
/// the result reused at every spread, so a 700-byte document of fragments that each spread the next ten times
/// (10^8 fields once expanded) costs as much to measure as it has bytes.
/// </summary>
/// <remarks>
/// Introspection lists (types, fields, args, ...) may nest at most three deep, as in the standard introspection
/// query; deeper nesting such as <c>fields { type { fields { type { fields ...</c> multiplies the work without adding
/// information. Fragment chains are bounded so that no walk over the document (ours or graphql-dotnet's rules)
/// recurses without limit.
/// </remarks>
public readonly record struct OperationSize(int Depth, int IntrospectionDepth, long Fields, string? Refusal)
{
    public const int MaxIntrospectionListNesting = 3;
    public const int MaxFragmentChain = 32;

    /// <summary>Field counts saturate here: past any sensible limit the exact figure does not matter.</summary>
    private const long Saturation = 1L << 40;

    private static readonly HashSet<string> IntrospectionLists =
        ["types", "fields", "args", "inputFields", "interfaces", "possibleTypes", "enumValues", "directives"];

    private static readonly OperationSize Empty = new(0, 0, 0, null);

    /// <summary>Measures <paramref name="operation"/> of <paramref name="document"/>.</summary>
    public static OperationSize Of(GraphQLDocument document, GraphQLOperationDefinition operation) =>
        new Measure(document).Of(operation.SelectionSet, NotIntrospection, 0);

    /// <summary>The introspection context: outside introspection, or the number of introspection lists entered.</summary>
    private const int NotIntrospection = -1;

    private OperationSize Merge(OperationSize other) => new(
        Math.Max(Depth, other.Depth),
        Math.Max(IntrospectionDepth, other.IntrospectionDepth),
        Math.Min(Fields + other.Fields, Saturation),
        Refusal ?? other.Refusal);

    private static OperationSize Refused(string reason) => Empty with { Refusal = reason };

    private sealed class Measure(GraphQLDocument document)
    {
        private readonly Dictionary<(string Fragment, int Introspection), OperationSize> fragments = [];
        private readonly HashSet<string> expanding = [];

        public OperationSize Of(GraphQLSelectionSet selectionSet, int introspection, int chain)
        {
            var size = Empty;
            foreach (var selection in selectionSet.Selections)
            {
                size = size.Merge(selection switch
                {
                    GraphQLField field => OfField(field, introspection, chain),
                    GraphQLInlineFragment inline => Of(inline.SelectionSet, introspection, chain),
                    GraphQLFragmentSpread spread => OfSpread(spread, introspection, chain),
                    _ => Empty,
                });
                if (size.Refusal is not null)
                {
                    return size;
                }
            }

            return size;
        }

        private OperationSize OfField(GraphQLField field, int introspection, int chain)
        {
            var name = field.Name.StringValue;
            if (introspection == NotIntrospection && name is "__schema" or "__type")
            {
                introspection = 0;
            }
            else if (introspection != NotIntrospection && IntrospectionLists.Contains(name) &&
                     ++introspection > MaxIntrospectionListNesting)
            {
                return Refused($"Introspection lists may nest at most {MaxIntrospectionListNesting} deep.");
            }

            var below = field.SelectionSet is null ? Empty : Of(field.SelectionSet, introspection, chain);
            var isIntrospection = introspection != NotIntrospection;
            return below with
            {
                Depth = isIntrospection && below.Depth == 0 ? 0 : below.Depth + 1,
                IntrospectionDepth = !isIntrospection && below.IntrospectionDepth == 0 ? 0 : below.IntrospectionDepth + 1,
                Fields = Math.Min(below.Fields + 1, Saturation),
            };
        }

        private OperationSize OfSpread(GraphQLFragmentSpread spread, int introspection, int chain)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (fragments.TryGetValue((name, introspection), out var known))
            {
                return known;
            }

            if (chain >= MaxFragmentChain)
            {
                return Refused($"Fragments may spread one another at most {MaxFragmentChain} deep.");
            }

            // An unknown fragment or a cycle is reported by graphql-dotnet's own rules; here it only must not recurse.
            if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is not { } fragment || !expanding.Add(name))
            {
                return Empty;
            }

            var size = Of(fragment.SelectionSet, introspection, chain + 1);
            expanding.Remove(name);
            fragments[(name, introspection)] = size;
            return size;
        }
    }
}
