using Chat.Gateway.Schema.Types;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Auth;
using GraphQL;

namespace Chat.Gateway.Schema.Auth;

/// <summary>Query fields of the auth area.</summary>
public sealed class AuthQueries
{
    private AuthQueries()
    {
    }

    [GraphQLMetadata(Description = "The signed-in user.")]
    public static Task<User> Me(IResolveFieldContext context, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return auth.GetMeAsync(cancellationToken);
    }
}
