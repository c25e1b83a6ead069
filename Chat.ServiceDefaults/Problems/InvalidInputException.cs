namespace Chat.ServiceDefaults.Problems;

/// <summary>Bad input from the caller (400), naming the field at fault; the message is for the client.</summary>
public sealed class InvalidInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
