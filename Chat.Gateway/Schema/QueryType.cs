using Chat.Gateway.Schema.Auth;

namespace Chat.Gateway.Schema;

public sealed class QueryType : RootOperationType
{
    public QueryType()
    {
        Name = "Query";
        AddFieldsOf<AuthQueries>();
    }
}
