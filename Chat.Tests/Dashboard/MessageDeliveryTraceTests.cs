using Chat.AppHost.Telemetry;
using Chat.ServiceDefaults;

namespace Chat.Tests.Dashboard;

/// <summary>
/// One sendMessage is one trace from the gateway's GraphQL request to the push on Bob's WebSocket, asserted on the
/// OTLP data the AppHost's receiver got from the services: every hop is there, and each is linked to the one that
/// caused it (Kafka and Redis included, whose trace context travels in message headers and payloads).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class MessageDeliveryTraceTests(DashboardAppFixture fixture)
{
    private const string Gateway2 = TracedMessageDelivery.PushingGateway;

    [Fact]
    public async Task SendMessage_IsOneTrace_FromGatewayThroughMessagingKafkaNotificationsAndRedis_ToTheWebSocketPush()
    {
        var traceId = await TracedMessageDelivery.SendAsync(fixture, TestContext.Current.CancellationToken);

        var spans = await TracedMessageDelivery.WaitForWholeTraceAsync(fixture.App.Dashboard!.Telemetry, traceId);

        var trace = new TraceTree(spans);
        var gatewayRequest = trace.Single(ResourceNames.Gateway, "Server", "POST /graphql");
        var operation = trace.Single(ResourceNames.Gateway, "Internal", "mutation sendMessage");
        Assert.Equal(gatewayRequest.SpanId, operation.ParentSpanId);
        Assert.Equal("mutation", operation.Attribute("graphql.operation.type"));
        var messagingRequest = trace.Single(ResourceNames.Messaging, "Server", "POST /messages");
        Assert.True(trace.IsDescendant(messagingRequest, operation), "messaging's request is inside the gateway's GraphQL operation");
        Assert.Contains(spans, s => s.ServiceName == ResourceNames.Messaging && s.Scope == "Npgsql"
            && s.Attributes.Any(a => a.Value.Contains("INSERT", StringComparison.OrdinalIgnoreCase)) && trace.IsDescendant(s, messagingRequest));

        var produce = trace.Single(ResourceNames.Messaging, "Producer", "send message.created");
        Assert.True(trace.IsDescendant(produce, messagingRequest), "the outbox sends under the request that wrote the row");
        Assert.Equal("kafka", produce.Attribute("messaging.system"));
        Assert.Equal("message.created", produce.Attribute("messaging.destination.name"));
        Assert.Equal("send", produce.Attribute("messaging.operation.type"));

        var consume = trace.Single(ResourceNames.Notifications, "Consumer", "process message.created");
        Assert.Equal(produce.SpanId, consume.ParentSpanId);
        Assert.Equal("process", consume.Attribute("messaging.operation.type"));
        Assert.Equal("notification-consumer-group", consume.Attribute("messaging.consumer.group.name"));
        Assert.Contains(spans, s => s.ServiceName == ResourceNames.Notifications && s.Scope == "Npgsql" && trace.IsDescendant(s, consume));
        var redisPush = trace.Single(ResourceNames.Notifications, "Client", "EVALSHA push notification");
        Assert.True(trace.IsDescendant(redisPush, consume), "the Redis push is part of handling the event");
        Assert.Equal("redis", redisPush.Attribute("db.system.name"));

        var notificationPush = trace.Single(Gateway2, "Producer", "push notificationAdded");
        Assert.Equal(redisPush.SpanId, notificationPush.ParentSpanId);
        Assert.Equal("1", notificationPush.Attribute("chat.push.recipients"));

        var gatewayFeed = trace.Single(Gateway2, "Consumer", "process message.created");
        Assert.Equal(produce.SpanId, gatewayFeed.ParentSpanId);
        var messagePush = trace.Single(Gateway2, "Producer", "push messageAdded");
        Assert.Equal(gatewayFeed.SpanId, messagePush.ParentSpanId);
        Assert.Equal("1", messagePush.Attribute("chat.push.recipients"));
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
    }

    /// <summary>The spans of one trace, by id, with the questions the test asks of them.</summary>
    private sealed class TraceTree(IReadOnlyList<ReceivedSpan> spans)
    {
        private readonly Dictionary<string, ReceivedSpan> _byId = spans.ToDictionary(s => s.SpanId);

        public ReceivedSpan Single(string service, string kind, string namePrefix) => Assert.Single(spans,
            s => s.ServiceName == service && s.Kind == kind && s.Name.StartsWith(namePrefix, StringComparison.Ordinal));

        public bool IsDescendant(ReceivedSpan span, ReceivedSpan ancestor)
        {
            for (var current = span; current.ParentSpanId is { } parent && _byId.TryGetValue(parent, out var next); current = next)
            {
                if (parent == ancestor.SpanId)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
