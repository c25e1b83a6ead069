using Chat.Messaging.Conversations;
using Chat.Messaging.Endpoints.Contracts;

namespace Chat.Messaging.Messages;

/// <summary>What Messaging rehearses before it reports ready (rolled back): creating a conversation and sending in it.</summary>
public static class MessagingRehearsal
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var (sender, receiver) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (conversation, _) = await services.GetRequiredService<ConversationService>()
            .CreateAsync(sender, new CreateConversationRequest([receiver], null, null), cancellationToken);
        await services.GetRequiredService<MessageService>()
            .SendAsync(sender, new SendMessageRequest(conversation.Id, "rehearsal", "rehearsal"), cancellationToken);
    }
}
