using Chat.Bench.Client;

namespace Chat.Bench.Scenarios;

/// <summary>
/// The users of a delivery run and their sockets. 1:1: sender i writes to recipient i in their own conversation.
/// Group: every sender and one observer in ONE group conversation; the observer's subscriptions time delivery and
/// each sender's own messageAdded subscription receives the fan-out, as members of a busy group would.
/// Recipients subscribe to messageAdded and notificationAdded; every socket is read, so server pings are answered.
/// </summary>
public sealed class Audience : IAsyncDisposable
{
    private const int SetUpConcurrency = 4;

    private readonly List<GraphQLWsClient> _sockets = [];
    private readonly CancellationTokenSource _reading = new();

    private Audience(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public DeliveryArrivals Arrivals { get; } = new();

    public IReadOnlyList<(string Token, string ConversationId)> Senders { get; private set; } = [];

    public static async Task<Audience> SetUpAsync(BenchmarkTarget target, int senderCount, bool group, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = target.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        var audience = new Audience(http);
        var senders = await RegisterAsync(http, senderCount);
        if (group)
        {
            var observer = await GatewayCalls.RegisterAsync(http);
            var conversation = await GatewayCalls.CreateConversationAsync(http, observer.Token, [.. senders.Select(sender => sender.Id)]);
            audience.Senders = [.. senders.Select(sender => (sender.Token, conversation))];
            await audience.ListenAsync(target.Gateway, observer.Token, ("m", DeliveryArrivals.MessageSubscription), ("n", DeliveryArrivals.NotificationSubscription));
            foreach (var sender in senders)
            {
                await audience.ListenAsync(target.Gateway, sender.Token, ("f", "subscription { messageAdded { messageId } }"));
            }
        }
        else
        {
            var recipients = await RegisterAsync(http, senderCount);
            var conversations = await Parallel(senderCount, index => GatewayCalls.CreateConversationAsync(http, senders[index].Token, [recipients[index].Id]));
            audience.Senders = [.. senders.Select((sender, index) => (sender.Token, conversations[index]))];
            foreach (var recipient in recipients)
            {
                await audience.ListenAsync(target.Gateway, recipient.Token, ("m", DeliveryArrivals.MessageSubscription), ("n", DeliveryArrivals.NotificationSubscription));
            }
        }
        return audience;
    }

    /// <summary>
    /// A client cannot tell when the server has set a subscription up: rounds of one message per sender until a
    /// whole round arrived (both events) prove every subscription live. Not part of any figure.
    /// </summary>
    public async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        for (var round = 1; round <= 5; round++)
        {
            var tags = Senders.Select((_, index) => $"ready{round}-{index}").ToArray();
            await Task.WhenAll(Senders.Select((sender, index) =>
                GatewayCalls.SendMessageAsync(Http, sender.Token, sender.ConversationId, tags[index], cancellationToken)));
            var all = Task.WhenAll(tags.SelectMany(tag => new Task[] { Arrivals.Message(tag), Arrivals.Notification(tag) }));
            if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken)) == all)
            {
                return;
            }
        }
        throw new InvalidOperationException("The recipients' subscriptions did not deliver a whole round in 5 tries.");
    }

    public async ValueTask DisposeAsync()
    {
        await _reading.CancelAsync();
        _sockets.ForEach(socket => socket.Dispose());
        await Task.WhenAll(_sockets.Select(socket => socket.Reading));
        _reading.Dispose();
        Http.Dispose();
    }

    private async Task ListenAsync(Uri gateway, string token, params (string Id, string Query)[] subscriptions)
    {
        var socket = await GraphQLWsClient.ConnectAsync(gateway, token, _reading.Token);
        _sockets.Add(socket);
        foreach (var (id, query) in subscriptions)
        {
            await socket.SubscribeAsync(id, query, _reading.Token);
        }
        socket.StartReading(Arrivals.OnFrame, _reading.Token);
    }

    private static Task<(string Id, string Token)[]> RegisterAsync(HttpClient http, int count) =>
        Parallel(count, _ => GatewayCalls.RegisterAsync(http));

    /// <summary>A few set-up calls at a time: registration is bcrypt, and a storm of them only queues.</summary>
    private static async Task<T[]> Parallel<T>(int count, Func<int, Task<T>> call)
    {
        using var gate = new SemaphoreSlim(SetUpConcurrency);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                return await call(index);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
