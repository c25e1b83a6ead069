using Chat.Contracts;
using Chat.Contracts.Events;

namespace Chat.Tests.Contracts;

public sealed class EventCatalogTests
{
    [Fact]
    public void All_CoversEveryEventRecordAndEveryTopicOnce()
    {
        var eventTypes = typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(IntegrationEvent)) && !type.IsAbstract);

        Assert.Equal(eventTypes.OrderBy(type => type.Name), EventCatalog.All.Select(descriptor => descriptor.EventType).OrderBy(type => type.Name));
        Assert.Equal(Topics.All.Select(topic => topic.Name).Order(), EventCatalog.All.Select(descriptor => descriptor.Topic).Order());
    }

    [Fact]
    public void KeyOf_UsesConversationIdOrUserId()
    {
        var created = SampleEvents.All.OfType<MessageCreated>().First();
        var presence = SampleEvents.All.OfType<PresenceUpdated>().First();

        Assert.Equal(created.ConversationId.ToString(), EventCatalog.For<MessageCreated>().KeyOf(created));
        Assert.Equal(presence.UserId.ToString(), EventCatalog.ForTopic(Topics.PresenceUpdated).KeyOf(presence));
        Assert.Throws<ArgumentException>(() => EventCatalog.For<MessageCreated>().KeyOf(presence));
    }

    [Fact]
    public void Descriptor_GivesSubjectAndVersionsInOrder()
    {
        var descriptor = EventCatalog.For<MessageCreated>();

        Assert.Equal("message.created-value", descriptor.Subject);
        Assert.Equal(5, descriptor.CurrentVersion);
        Assert.Equal(descriptor.SchemaVersions[4], descriptor.CurrentSchema);
        Assert.DoesNotContain("clientMessageId", descriptor.SchemaVersions[0]);
        Assert.Contains("clientMessageId", descriptor.SchemaVersions[1]);
        Assert.Contains("https://json-schema.org/draft/2020-12/schema", descriptor.SchemaVersions[2]);
        Assert.DoesNotContain("\"seq\"", descriptor.SchemaVersions[2]);
        Assert.Contains("\"seq\"", descriptor.SchemaVersions[3]);
        Assert.DoesNotContain("mentionedUserIds", descriptor.SchemaVersions[3]);
        Assert.Contains("mentionedUserIds", descriptor.SchemaVersions[4]);
    }

    [Fact]
    public void NewEvent_CarriesAFreshIdTheTimeAndTheCurrentSchemaVersion()
    {
        var before = DateTimeOffset.UtcNow;
        var first = new UserRegistered(Guid.NewGuid(), "alice", before);
        var second = new UserRegistered(Guid.NewGuid(), "bob", before);

        Assert.NotEqual(first.EventId, second.EventId);
        Assert.InRange(first.OccurredAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(2, first.SchemaVersion);
        Assert.Equal(5, SampleEvents.All.OfType<MessageCreated>().First().SchemaVersion);
    }

    [Theory]
    [MemberData(nameof(SampleEvents.Names), MemberType = typeof(SampleEvents))]
    public void Deserialize_ByTopic_RoundTripsEveryEvent(string name)
    {
        var integrationEvent = SampleEvents.ByName(name);
        var descriptor = EventCatalog.For(integrationEvent.GetType());

        var read = EventJson.Deserialize(descriptor.Topic, EventJson.SerializeToUtf8Bytes(integrationEvent));

        Assert.IsType(integrationEvent.GetType(), read);
        Assert.Equal(EventJson.Serialize(integrationEvent), EventJson.Serialize(read));
        Assert.Equal(integrationEvent.EventId, read.EventId);
    }
}
