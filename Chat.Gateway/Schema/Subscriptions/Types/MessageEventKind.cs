namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>
/// What happened to a message: <c>messageAdded</c> carries CREATED, <c>messageUpdated</c> the others (REACTED: a member
/// added or removed a reaction; the event has the message's counts after it).
/// </summary>
public enum MessageEventKind
{
    Created,
    Edited,
    Read,
    Deleted,
    Reacted,
}
