namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>What happened to a message: <c>messageAdded</c> carries CREATED, <c>messageUpdated</c> the others.</summary>
public enum MessageEventKind
{
    Created,
    Edited,
    Read,
    Deleted,
}
