using System.Text.Json;
using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.Tests.Infrastructure;
using Confluent.SchemaRegistry;
using NJsonSchema;

namespace Chat.Tests.Contracts;

/// <summary>
/// message.created v5 (replies, mentions, mutes) against consumers built on v4: the registry accepts it under
/// BACKWARD, a v4 payload still validates against v5 (new code reads old events), and a consumer compiled against
/// the v4 contract reads a v5 event — every field it knows, unchanged — as ours do (System.Text.Json, unknown
/// properties ignored; consumers validate nothing of their own, the writer's schema travels with the event).
/// </summary>
public sealed class OldConsumerTests
{
    /// <summary>The message.created contract as it was at v4, as a consumer built then has it.</summary>
    private sealed record MessageCreatedV4(
        Guid EventId, DateTimeOffset OccurredAt, int SchemaVersion, Guid MessageId, Guid ConversationId, Guid SenderId,
        IReadOnlyList<Guid> ParticipantIds, string Content, string? ClientMessageId, DateTimeOffset CreatedAt, long? Seq);

    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    [Fact]
    public void AConsumerBuiltOnV4_ReadsAV5Event_WithEveryFieldItKnows()
    {
        var created = new MessageCreated(Guid.NewGuid(), Guid.NewGuid(), Alice, [Alice, Bob], "@bob look", "c-1", DateTimeOffset.UtcNow, 9,
            Guid.NewGuid(), [Bob], [Bob], [Bob]);

        var old = JsonSerializer.Deserialize<MessageCreatedV4>(EventJson.Serialize(created), EventJson.Options)!;

        Assert.Equal(5, created.SchemaVersion);
        Assert.Equal((created.EventId, created.MessageId, created.ConversationId, created.SenderId, created.Content, created.ClientMessageId, created.Seq),
            (old.EventId, old.MessageId, old.ConversationId, old.SenderId, old.Content, old.ClientMessageId, old.Seq));
        Assert.Equal(created.ParticipantIds, old.ParticipantIds);
        Assert.Equal(created.CreatedAt, old.CreatedAt);
    }

    [Fact]
    public async Task AV4Event_ValidatesAgainstV5_AndReadsWithTheNewFieldsAbsent()
    {
        var descriptor = EventCatalog.For<MessageCreated>();
        var v4 = JsonSerializer.Serialize(new MessageCreatedV4(
            Guid.NewGuid(), DateTimeOffset.UtcNow, 4, Guid.NewGuid(), Guid.NewGuid(), Alice, [Alice, Bob], "hi", null, DateTimeOffset.UtcNow, 3),
            EventJson.Options);
        var v5Schema = await JsonSchema.FromJsonAsync(descriptor.SchemaVersions[4], TestContext.Current.CancellationToken);

        Assert.Empty(v5Schema.Validate(v4).Select(error => error.ToString()));
        var read = (MessageCreated)EventJson.Deserialize(Topics.MessageCreated, System.Text.Encoding.UTF8.GetBytes(v4));
        Assert.Equal(4, read.SchemaVersion);
        Assert.Null(read.ReplyToId);
        Assert.Null(read.MentionedUserIds);
        Assert.Null(read.MutedUserIds);
        Assert.Null(read.ThreadParticipantIds);
    }

    [Fact]
    public async Task TheRegistry_AcceptsV5AfterV4_UnderBackward()
    {
        await using var server = RegistryServer.Start();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = server.Url });
        var descriptor = EventCatalog.For<MessageCreated>();
        await client.UpdateCompatibilityAsync(Compatibility.Backward, descriptor.Subject);
        await client.RegisterSchemaAsync(descriptor.Subject, new Schema(descriptor.SchemaVersions[3], Confluent.SchemaRegistry.SchemaType.Json));

        Assert.True(await client.IsCompatibleAsync(descriptor.Subject, new Schema(descriptor.SchemaVersions[4], Confluent.SchemaRegistry.SchemaType.Json)));
    }
}
