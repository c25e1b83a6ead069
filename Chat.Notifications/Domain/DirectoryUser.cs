namespace Chat.Notifications.Domain;

/// <summary>A user as this service knows them from <c>user.registered</c>: enough to name a sender in a title.</summary>
public sealed class DirectoryUser
{
    public Guid Id { get; init; }

    public required string Username { get; set; }
}
