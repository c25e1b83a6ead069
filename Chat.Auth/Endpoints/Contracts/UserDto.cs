using Chat.Auth.Domain;

namespace Chat.Auth.Endpoints.Contracts;

public sealed record UserDto(Guid Id, string Email, string Username, DateTimeOffset CreatedAt)
{
    public static UserDto From(User user) => new(user.Id, user.Email, user.Username, user.CreatedAt);
}
