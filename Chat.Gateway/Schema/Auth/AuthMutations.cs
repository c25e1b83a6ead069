using Chat.Gateway.Schema.Types;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Auth;
using GraphQL;

namespace Chat.Gateway.Schema.Auth;

/// <summary>Mutation fields of the auth area; register, login and refreshToken need no access token.</summary>
public sealed class AuthMutations
{
    private AuthMutations()
    {
    }

    [GraphQLMetadata(Description = "Creates an account and signs it in.")]
    public static Task<AuthPayload> Register(RegisterInput input, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken) =>
        auth.RegisterAsync(input, cancellationToken);

    public static Task<AuthPayload> Login(LoginInput input, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken) =>
        auth.LoginAsync(input, cancellationToken);

    [GraphQLMetadata(Description = "Trades a refresh token for a new token pair; the old refresh token stops working.")]
    public static Task<AuthPayload> RefreshToken(string refreshToken, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken) =>
        auth.RefreshAsync(refreshToken, cancellationToken);

    [GraphQLMetadata(Description = "Revokes the refresh token; the access token lives until it expires.")]
    public static async Task<bool> Logout(
        IResolveFieldContext context, string refreshToken, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        await auth.LogoutAsync(refreshToken, cancellationToken);
        return true;
    }
}
