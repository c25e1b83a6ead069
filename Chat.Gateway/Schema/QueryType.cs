using Chat.Gateway.Schema.Auth;
using Chat.Gateway.Schema.Presence;

namespace Chat.Gateway.Schema;

public sealed class QueryType : RootOperationType
{
    public QueryType()
    {
        Name = "Query";
        AddFieldsOf<AuthQueries>();
        AddFieldsOf<PresenceQueries>();
    }
}
