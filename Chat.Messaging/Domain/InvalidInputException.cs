namespace Chat.Messaging.Domain;

/// <summary>Bad input from the caller (400), naming the field at fault.</summary>
public sealed class InvalidInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
