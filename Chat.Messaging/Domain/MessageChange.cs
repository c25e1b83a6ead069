namespace Chat.Messaging.Domain;

/// <summary>The kind of a message's latest entry in its conversation's change log.</summary>
public enum MessageChange
{
    Edited,
    Deleted,
    Reacted,
}
