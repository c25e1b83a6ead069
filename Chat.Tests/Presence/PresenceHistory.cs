using System.Text.Json;
using Chat.Contracts;
using Chat.Tests.Infrastructure;
using Npgsql;

namespace Chat.Tests.Presence;

/// <summary>What presence recorded about a user: rows of <c>presence_history</c> and events on <c>presence.updated</c>.</summary>
public sealed class PresenceHistory(string databaseConnectionString, string kafkaBootstrapServers)
{
    public async Task<List<(string Status, DateTimeOffset LastSeenAt)>> RowsAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(databaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status, last_seen_at FROM presence_history WHERE user_id = @user ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("user", userId);
        var rows = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return rows;
    }

    /// <summary>
    /// Statuses of the <c>presence.updated</c> events of each user, reading the topic from the start until
    /// <paramref name="done"/> holds for what was read.
    /// </summary>
    public async Task<Dictionary<Guid, List<string>>> EventsUntilAsync(Func<Dictionary<Guid, List<string>>, bool> done, TimeSpan timeout)
    {
        var messages = await TopicReader.ReadUntilAsync(kafkaBootstrapServers, Topics.PresenceUpdated,
            read => done(Group(read)), timeout);
        return Group(messages);
    }

    private static Dictionary<Guid, List<string>> Group(IEnumerable<Confluent.Kafka.ConsumeResult<string?, byte[]?>> messages) =>
        messages
            .Where(message => message.Message.Value is { Length: > 5 })
            .Select(message => Parse(message.Message.Value!))
            .GroupBy(e => e.UserId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Status).ToList());

    // Confluent's JSON wire format: magic byte 0, 4-byte schema id, then the JSON document.
    private static (Guid UserId, string Status) Parse(byte[] value)
    {
        using var json = JsonDocument.Parse(value.AsMemory(5));
        return (json.RootElement.GetProperty("userId").GetGuid(), json.RootElement.GetProperty("status").GetString()!);
    }
}
