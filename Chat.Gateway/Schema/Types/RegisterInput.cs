namespace Chat.Gateway.Schema.Types;

public sealed class RegisterInput
{
    public required string Email { get; init; }

    public required string Username { get; init; }

    public required string Password { get; init; }
}
