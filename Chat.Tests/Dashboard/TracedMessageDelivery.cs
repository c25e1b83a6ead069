using Chat.AppHost.Telemetry;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd;
using Chat.Tests.EndToEnd.Subscriptions;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Dashboard;

/// <summary>
/// Alice sends Bob a message with our own <c>traceparent</c> while Bob listens on the second gateway instance with
/// the npm <c>graphql-ws</c> client; the trace then spans the whole path: gateway → Messaging → outbox → Kafka →
/// Notifications (and the gateways' own Kafka feed) → Redis → the push to Bob's WebSocket.
/// </summary>
internal static class TracedMessageDelivery
{
    public const string PushingGateway = ResourceNames.Gateway + "-2";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    /// <summary>Sends the traced message, waits until Bob received both events, and returns the trace id.</summary>
    public static async Task<string> SendAsync(DistributedAppFixture fixture, CancellationToken cancellationToken)
    {
        using var alicesGateway = new GraphQLClient(fixture.GatewayUrl);
        using var bobsGateway = new GraphQLClient(fixture.EndpointOf(PushingGateway));
        var alice = await ChatUser.RegisterAsync(alicesGateway, "alice");
        var bob = await ChatUser.RegisterAsync(bobsGateway, "bob");
        var conversationId = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        await using var messages = await GraphQLWsNodeSubscription.StartAsync(fixture.EndpointOf(PushingGateway), bob.AccessToken,
            "subscription { messageAdded { messageId content } }");
        await using var notifications = await GraphQLWsNodeSubscription.StartAsync(fixture.EndpointOf(PushingGateway), bob.AccessToken,
            "subscription { notificationAdded { message } }");

        // A client can't tell when the server has set a subscription up: a first message proves both live.
        await alice.SendMessageAsync(conversationId, "warm-up");
        await messages.NextDataAsync("messageAdded", m => m["content"]!.GetValue<string>() == "warm-up", Delivery);
        await notifications.NextDataAsync("notificationAdded", n => n["message"]!.GetValue<string>() == "warm-up", Delivery);

        var (traceId, body) = await TracedGraphQL.PostAsync(fixture.GatewayUrl,
            "mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }",
            new { input = new { conversationId, content = "traced hello" } }, alice.AccessToken, cancellationToken);
        Assert.True(body["data"]?["sendMessage"]?["id"] is not null, $"sendMessage failed: {body.ToJsonString()}");
        await messages.NextDataAsync("messageAdded", m => m["content"]!.GetValue<string>() == "traced hello", Delivery);
        await notifications.NextDataAsync("notificationAdded", n => n["message"]!.GetValue<string>() == "traced hello", Delivery);
        return traceId;
    }

    /// <summary>
    /// Waits until a span of each hop has arrived (services export in batches of their own, so a trace fills in over
    /// a second or two) and returns the trace's spans; the caller asserts on how they are linked.
    /// </summary>
    public static async Task<IReadOnlyList<ReceivedSpan>> WaitForWholeTraceAsync(TelemetryStore telemetry, string traceId)
    {
        var whole = await Eventually.ReturnsAsync(() => Task.FromResult(new TraceSnapshot(telemetry.Trace(traceId))), trace => trace.Missing.Count == 0,
            TimeSpan.FromSeconds(60), $"trace {traceId} to reach from the gateway's request to the WebSocket push");
        return whole.Spans;
    }

    /// <summary>What has arrived of the trace, and which hops are still missing (its text says both, for a failure message).</summary>
    private sealed record TraceSnapshot(IReadOnlyList<ReceivedSpan> Spans)
    {
        public IReadOnlyList<string> Missing { get; } =
        [
            .. Hops.Where(hop => !Spans.Any(span => span.ServiceName == hop.Service && span.Name.StartsWith(hop.Name, StringComparison.Ordinal)))
                .Select(hop => $"{hop.Service}: {hop.Name}"),
        ];

        public override string ToString() =>
            $"missing [{string.Join("; ", Missing)}], arrived [{string.Join("; ", Spans.Select(s => $"{s.ServiceName}: {s.Name}"))}]";
    }

    private static readonly (string Service, string Name)[] Hops =
    [
        (ResourceNames.Gateway, "POST /graphql"),
        (ResourceNames.Gateway, "mutation sendMessage"),
        (ResourceNames.Messaging, "POST /messages"),
        (ResourceNames.Messaging, "send message.created"),
        (ResourceNames.Notifications, "process message.created"),
        (ResourceNames.Notifications, "EVALSHA push notification"),
        (PushingGateway, "process message.created"),
        (PushingGateway, "push messageAdded"),
        (PushingGateway, "push notificationAdded"),
    ];
}
