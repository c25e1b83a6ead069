using Chat.Gateway.Schema.Subscriptions.Types;

namespace Chat.Gateway.Realtime;

/// <summary>
/// One <c>messageAdded</c> or <c>messageUpdated</c> subscription: whose it is, which conversation (or all of the
/// user's), and how to reach the user's current token for membership checks.
/// </summary>
public sealed record MessageSubscriber(
    Guid UserId,
    Guid? ConversationId,
    bool WantsUpdates,
    Func<string?> AccessToken,
    IObserver<MessageEvent> Observer)
{
    public bool Wants(MessageEvent message) =>
        (message.Kind == MessageEventKind.Created) != WantsUpdates &&
        (ConversationId is null || ConversationId == message.ConversationId);
}
