using Chat.Gateway.Schema.Types;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Auth;
using GraphQL;

namespace Chat.Gateway.Schema.Auth;

/// <summary>Query fields of the auth area; nullable, so a failure here leaves the query's other fields intact.</summary>
public sealed class AuthQueries
{
    private AuthQueries()
    {
    }

    [GraphQLMetadata(Description = "The signed-in user.")]
    public static async Task<User?> Me(IResolveFieldContext context, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await auth.GetMeAsync(cancellationToken);
    }
}
