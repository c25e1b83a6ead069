using System.Diagnostics.Metrics;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Gateway.WebSockets;

/// <summary>Meter <c>Chat.Gateway</c> counts open connections and running subscriptions, and counts them down again.</summary>
public sealed class GatewayRealtimeMetricsTests(WebSocketGatewayFixture gateway) : IClassFixture<WebSocketGatewayFixture>, IDisposable
{
    private readonly MeterListener listener = new();
    private long connections;
    private long subscriptions;

    [Fact]
    public async Task ConnectionsAndSubscriptions_AreCountedUpAndDown()
    {
        // Only this gateway's meter: other tests run gateways of their own in parallel.
        var meterFactory = gateway.Factory.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == "Chat.Gateway")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "chat.gateway.websocket.connections")
            {
                Interlocked.Add(ref connections, value);
            }
            else if (instrument.Name == "chat.gateway.subscriptions.active")
            {
                Interlocked.Add(ref subscriptions, value);
            }
        });
        listener.Start();

        var client = await GraphQLWsTestClient.ConnectAndInitAsync(gateway.Factory.Server, TestTokens.Create(gateway.SigningKey));
        await client.SubscribeAsync("a", "subscription { messageAdded { messageId } }");
        await client.SubscribeAsync("b", "subscription { messageUpdated { messageId } }");
        Assert.Equal(1, Interlocked.Read(ref connections));
        Assert.Equal(2, Interlocked.Read(ref subscriptions));

        await client.SendAsync(new { id = "a", type = "complete" });
        await Eventually.TrueAsync(() => Interlocked.Read(ref subscriptions) == 1, TimeSpan.FromSeconds(5), "one subscription left");
        await client.DisposeAsync();

        await Eventually.TrueAsync(() => Interlocked.Read(ref connections) == 0 && Interlocked.Read(ref subscriptions) == 0,
            TimeSpan.FromSeconds(5), "no connection and no subscription left");
    }

    public void Dispose() => listener.Dispose();
}
