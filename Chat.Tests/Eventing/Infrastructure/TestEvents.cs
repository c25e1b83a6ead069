using System.Text;
using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing;
using Confluent.Kafka;

namespace Chat.Tests.Eventing.Infrastructure;

public static class TestEvents
{
    public static MessageCreated MessageCreated(Guid conversationId, string content, string? clientMessageId = null) =>
        new(Guid.NewGuid(), conversationId, Guid.NewGuid(), [Guid.NewGuid(), Guid.NewGuid()], content, clientMessageId, DateTimeOffset.UtcNow);

    public static Guid EventIdOf(ConsumeResult<string?, byte[]?> result) =>
        Guid.Parse(Header(result, EventHeaders.EventId)!);

    public static string? Header(ConsumeResult<string?, byte[]?> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
