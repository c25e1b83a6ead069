using Chat.Gateway.Schema.Auth;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Schema.Presence;
using Chat.Gateway.Schema.Messaging;
using Chat.Gateway.Schema.Subscriptions;

namespace Chat.Gateway.Schema;

public sealed class MutationType : RootOperationType
{
    public MutationType()
    {
        Name = "Mutation";
        AddFieldsOf<AuthMutations>();
        AddFieldsOf<PresenceMutations>();
        AddFieldsOf<MessagingMutations>();
        AddFieldsOf<ConversationFeatureMutations>();
        AddFieldsOf<NotificationMutations>();
        AddFieldsOf<TypingMutations>();
    }
}
