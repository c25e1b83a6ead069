using Chat.Gateway.Configuration;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Validation;

/// <summary>
/// Refuses an operation too deep or too large, fragments expanded, before graphql-dotnet's own rules run: several of
/// them (complexity, overlapping fields) walk the expanded document, so a small document of nested fragment spreads
/// would otherwise cost them time exponential in its size.
/// </summary>
public sealed class BoundedDocumentValidator(IOptions<GraphQLEndpointOptions> options) : IDocumentValidator
{
    public const string ErrorNumber = "QUERY_SIZE";

    private readonly DocumentValidator rules = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions validation)
    {
        if (validation.Operation is { } operation &&
            Refusal(OperationSize.Of(validation.Document, operation), options.Value) is { } refusal)
        {
            IValidationResult refused = new ValidationResult(
                [new ValidationError(validation.Document.Source, ErrorNumber, refusal, operation)]);
            return Task.FromResult(refused);
        }

        return rules.ValidateAsync(validation);
    }

    private static string? Refusal(OperationSize size, GraphQLEndpointOptions limits) =>
        size.Refusal ??
        (size.Depth > limits.MaxDepth ? $"Query is nested too deeply; the maximum depth is {limits.MaxDepth}." :
         size.IntrospectionDepth > limits.MaxIntrospectionDepth
            ? $"Introspection query is nested too deeply; the maximum depth is {limits.MaxIntrospectionDepth}." :
         size.Fields > limits.MaxFields
            ? $"The query selects {FieldCount(size.Fields)} fields once fragments are expanded; at most {limits.MaxFields} are allowed." :
         null);

    private static string FieldCount(long fields) => fields >= 1L << 40 ? "over a trillion" : fields.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
