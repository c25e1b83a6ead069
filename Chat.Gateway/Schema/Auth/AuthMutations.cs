using Chat.Gateway.Schema.Types;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Auth;
using GraphQL;

namespace Chat.Gateway.Schema.Auth;

/// <summary>
/// Mutation fields of the auth area; register, login and refreshToken need no access token. Like every root field
/// that calls a service they are nullable, so one failing field does not null the whole response.
/// </summary>
public sealed class AuthMutations
{
    private AuthMutations()
    {
    }

    [GraphQLMetadata(Description = "Creates an account and signs it in.")]
    public static async Task<AuthPayload?> Register(RegisterInput input, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken) =>
        await auth.RegisterAsync(input, cancellationToken);

    public static async Task<AuthPayload?> Login(LoginInput input, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken) =>
        await auth.LoginAsync(input, cancellationToken);

    [GraphQLMetadata(Description = "Trades a refresh token for a new token pair; the old refresh token stops working.")]
    public static async Task<AuthPayload?> RefreshToken(string refreshToken, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken) =>
        await auth.RefreshAsync(refreshToken, cancellationToken);

    [GraphQLMetadata(Description = "Revokes the refresh token; the access token lives until it expires.")]
    public static async Task<bool?> Logout(
        IResolveFieldContext context, string refreshToken, [FromServices] AuthServiceClient auth, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        await auth.LogoutAsync(refreshToken, cancellationToken);
        return true;
    }
}
