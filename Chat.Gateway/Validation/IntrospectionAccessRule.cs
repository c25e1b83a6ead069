using Chat.Gateway.Configuration;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Validation;

/// <summary>
/// Introspection (<c>__schema</c>, <c>__type</c>) for signed-in callers always — tooling and GraphiQL need it — and for
/// anonymous callers only where <see cref="GraphQLEndpointOptions.AnonymousIntrospection"/> allows it (by default in
/// Development): a production schema is not a map handed to whoever asks. <c>__typename</c> is always allowed.
/// </summary>
public sealed class IntrospectionAccessRule(IOptions<GraphQLEndpointOptions> options, IHostEnvironment environment) : ValidationRuleBase
{
    private static readonly MatchingNodeVisitor<GraphQLField> Refuser = new((field, context) =>
    {
        if (field.Name.Value == "__schema" || field.Name.Value == "__type")
        {
            context.ReportError(new ValidationError(context.Document.Source, "INTROSPECTION",
                "Introspection requires signing in: send an access token.", field));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(context.User?.Identity?.IsAuthenticated == true || AnonymousAllowed ? null : Refuser);

    private bool AnonymousAllowed => options.Value.AnonymousIntrospection ?? environment.IsDevelopment();
}
