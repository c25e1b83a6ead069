using System.Collections.Concurrent;
using System.Diagnostics;
using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing;
using Chat.Tests.Eventing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Eventing;

public sealed class TracePropagationTests(EventingPostgres postgres) : EventingTest(postgres)
{
    private const string RequestSource = "Chat.Tests.Request";

    [Fact]
    public async Task OutboxToConsumer_WhenEventIsRaisedInARequest_ContinuesTheRequestTrace()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is EventingTelemetry.Name or RequestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var requests = new ActivitySource(RequestSource);
        using var host = BuildHost(builder =>
        {
            builder.AddOutbox<EventingTestDbContext>();
            builder.AddEventConsumer("trace-test-group", consumer => consumer
                .UseInbox<EventingTestDbContext>()
                .Handle<MessageCreated, RecordingMessageCreatedHandler>());
        });
        await EventingTestHost.CreateSchemaAsync(host);
        var @event = TestEvents.MessageCreated(Guid.NewGuid(), "traced");

        // Act: the event is written inside a request's activity; the publisher and consumer run in the background.
        ActivityTraceId traceId;
        using (var request = requests.StartActivity("POST /messages", ActivityKind.Server)!)
        {
            traceId = request.TraceId;
            await using var scope = host.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<EventingTestDbContext>();
            database.AddIntegrationEvent(@event);
            await database.SaveChangesAsync(ct);
        }
        await host.StartAsync(ct);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!stopped.Any(a => a.TraceId == traceId && a.Kind == ActivityKind.Consumer))
        {
            Assert.True(DateTime.UtcNow < deadline, "No consumer span in the request's trace");
            await Task.Delay(100, ct);
        }
        await host.StopAsync(ct);

        // Assert
        var send = Assert.Single(stopped, a => a.TraceId == traceId && a.Kind == ActivityKind.Producer);
        var process = Assert.Single(stopped, a => a.TraceId == traceId && a.Kind == ActivityKind.Consumer);
        Assert.Equal($"send {Topics.MessageCreated}", send.DisplayName);
        Assert.Equal("kafka", send.GetTagItem(EventingTelemetry.MessagingSystem));
        Assert.Equal("send", send.GetTagItem(EventingTelemetry.OperationType));
        Assert.Equal(Topics.MessageCreated, send.GetTagItem(EventingTelemetry.DestinationName));
        Assert.Equal(@event.ConversationId.ToString(), send.GetTagItem(EventingTelemetry.KafkaMessageKey));
        Assert.Equal($"process {Topics.MessageCreated}", process.DisplayName);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal("trace-test-group", process.GetTagItem(EventingTelemetry.ConsumerGroup));
        Assert.Equal(@event.EventId.ToString(), process.GetTagItem(EventingTelemetry.MessageId));
    }
}
