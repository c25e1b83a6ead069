using System.Security.Claims;
using Chat.Auth.Accounts;
using Chat.Auth.Domain;
using Chat.Auth.Endpoints.Contracts;
using Chat.Auth.Security;
using Chat.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Auth.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth");
        auth.MapPost("/register", Register);
        auth.MapPost("/login", Login).RequireRateLimiting(LoginRateLimiting.PerIpPolicy);
        auth.MapPost("/refresh", Refresh);
        auth.MapPost("/logout", Logout).RequireAuthorization();
        auth.MapPost("/validate", Validate).RequireAuthorization();
        auth.MapGet("/me", Me).RequireAuthorization();
        auth.MapPost("/users/lookup", Lookup).RequireAuthorization();
        return app;
    }

    public static async Task<Results<Created<AuthResult>, ValidationProblem>> Register(
        RegisterRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var errors = Errors(
            ("email", CredentialRules.EmailError(request.Email)),
            ("username", CredentialRules.UsernameError(request.Username)),
            ("password", CredentialRules.PasswordError(request.Password)));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await accounts.RegisterAsync(request.Email!, request.Username!, request.Password!, cancellationToken);
        return TypedResults.Created("/auth/me", result);
    }

    public static async Task<Results<Ok<AuthResult>, ValidationProblem>> Login(
        LoginRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var errors = Errors(
            ("email", string.IsNullOrWhiteSpace(request.Email) ? "Email is required." : null),
            ("password", string.IsNullOrEmpty(request.Password) ? "Password is required." : null));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await accounts.LoginAsync(request.Email!, request.Password!, cancellationToken));
    }

    public static async Task<Results<Ok<AuthResult>, ValidationProblem>> Refresh(
        RefreshTokenRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(Errors(("refreshToken", "Refresh token is required.")));
        }

        return TypedResults.Ok(await accounts.RefreshAsync(request.RefreshToken, cancellationToken));
    }

    /// <summary>Revokes the token's family. A token of another user, or an unknown one, is a no-op (still 204).</summary>
    public static async Task<Results<NoContent, ValidationProblem>> Logout(
        RefreshTokenRequest request, ClaimsPrincipal principal, AccountService accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(Errors(("refreshToken", "Refresh token is required.")));
        }

        await accounts.LogoutAsync(principal.UserId(), request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Reached only with a valid bearer token; anything else was answered 401 by the JWT handler.</summary>
    public static Ok<TokenValidationResult> Validate(ClaimsPrincipal principal) => TypedResults.Ok(new TokenValidationResult(
        true,
        principal.UserId(),
        principal.FindFirstValue(AuthClaims.Email) ?? "",
        principal.FindFirstValue(AuthClaims.Username) ?? ""));

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Me(
        ClaimsPrincipal principal, AccountService accounts, CancellationToken cancellationToken) =>
        await accounts.FindAsync(principal.UserId(), cancellationToken) is { } user
            ? TypedResults.Ok(UserDto.From(user))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found",
                detail: "The account of this token no longer exists.");

    public static async Task<Results<Ok<List<UserSummary>>, ValidationProblem>> Lookup(
        UserLookupRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        if ((request.Ids is null && request.Usernames is null) || request.Ids?.Count > UserLookupRequest.MaxIds)
        {
            return TypedResults.ValidationProblem(Errors(("ids", $"Between 0 and {UserLookupRequest.MaxIds} ids are required.")));
        }

        if (request.Usernames?.Count > UserLookupRequest.MaxIds || request.Usernames?.Any(string.IsNullOrWhiteSpace) == true)
        {
            return TypedResults.ValidationProblem(Errors(("usernames", $"At most {UserLookupRequest.MaxIds} usernames, none empty.")));
        }

        return TypedResults.Ok(await accounts.LookupAsync([.. (request.Ids ?? []).Distinct()], request.Usernames ?? [], cancellationToken));
    }

    private static Dictionary<string, string[]> Errors(params (string Field, string? Error)[] checks) =>
        checks.Where(check => check.Error is not null).ToDictionary(check => check.Field, check => new[] { check.Error! });
}
