namespace Chat.Gateway.Schema.Types;

public sealed class LoginInput
{
    public required string Email { get; init; }

    public required string Password { get; init; }
}
