namespace Chat.Auth.Endpoints.Contracts;

public sealed record AuthResult(
    UserDto User,
    string AccessToken,
    string RefreshToken,
    DateTimeOffset AccessTokenExpiresAt,
    DateTimeOffset RefreshTokenExpiresAt)
{
    public string TokenType => "Bearer";
}
