using Chat.Gateway.Schema.Auth;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Schema.Presence;
using Chat.Gateway.Schema.Messaging;

namespace Chat.Gateway.Schema;

public sealed class QueryType : RootOperationType
{
    public QueryType()
    {
        Name = "Query";
        AddFieldsOf<AuthQueries>();
        AddFieldsOf<PresenceQueries>();
        AddFieldsOf<MessagingQueries>();
        AddFieldsOf<ConversationFeatureQueries>();
        AddFieldsOf<NotificationQueries>();
    }
}
