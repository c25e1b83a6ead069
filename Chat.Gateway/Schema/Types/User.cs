using GraphQL;

namespace Chat.Gateway.Schema.Types;

/// <summary>A registered user as the caller may see themself (email included).</summary>
public sealed class User
{
    [Id]
    public Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Username { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
