using Chat.ServiceDefaults;

namespace Chat.Tests.ServiceDefaults;

public sealed class SqlSpanNamesTests
{
    [Theory]
    [InlineData("INSERT INTO messages (id, content) VALUES ($1, $2)", "INSERT messages")]
    [InlineData("SELECT m.id, m.content\nFROM messages AS m\nWHERE m.conversation_id = @p", "SELECT messages")]
    [InlineData("UPDATE \"notifications\" SET read = TRUE WHERE id = $1", "UPDATE notifications")]
    [InlineData("delete from inbox_messages where id = $1", "DELETE inbox_messages")]
    [InlineData("SELECT c.id FROM (SELECT 1) AS x JOIN conversations c ON TRUE", "SELECT conversations")]
    [InlineData("-- claim a batch\nSELECT id FROM outbox_messages FOR UPDATE SKIP LOCKED", "SELECT outbox_messages")]
    [InlineData("COMMIT", "COMMIT")]
    [InlineData("SELECT 1", "SELECT")]
    public void Summarize_NamesTheVerbAndFirstTable(string sql, string expected) =>
        Assert.Equal(expected, SqlSpanNames.Summarize(sql));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Summarize_WithoutStatement_LeavesNpgsqlsDefault(string? sql) =>
        Assert.Null(SqlSpanNames.Summarize(sql));
}
