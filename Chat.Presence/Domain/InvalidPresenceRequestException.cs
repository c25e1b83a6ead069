namespace Chat.Presence.Domain;

/// <summary>The request is well-formed JSON but asks for something presence does not allow.</summary>
public sealed class InvalidPresenceRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
