using System.Diagnostics;
using System.Globalization;
using Chat.AppHost;
using Chat.ServiceDefaults;

namespace Chat.Bench.Scenarios;

/// <summary>
/// End-to-end delivery latency at a steady offered rate: senders call <c>sendMessage</c> over HTTP on gateway 1,
/// their recipients listen on gateway 2 (WebSocket, messageAdded and notificationAdded), so every message crosses
/// instances through outbox → Kafka → (Notifications → Postgres → Redis) → the other gateway. The benchmark is both
/// ends, so one monotonic clock times each message from the start of its HTTP request to each event's frame.
/// Same-run baseline: the sendMessage round trip itself. After each rate the run waits until every event arrived (at
/// most <c>--drain</c> seconds), so a backlog does not spill into the next rate; what is still missing then is reported.
/// Options: <c>--pairs 8 --rates 10,50 --duration 20 --warmup 5 --drain 30 --notifications 1</c> (instances).
/// </summary>
public sealed class DeliveryLatencyScenario : IBenchmarkScenario
{
    public string Name => "delivery-latency";

    public string Description => "sendMessage → recipient's messageAdded / notificationAdded p50/p99 across gateways";

    public async Task RunAsync(string[] options)
    {
        var pairCount = BenchmarkSettings.Option(options, "--pairs", 8);
        var rates = (BenchmarkSettings.Option(options, "--rates") ?? "10,50").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var duration = TimeSpan.FromSeconds(BenchmarkSettings.Option(options, "--duration", 20));
        var warmUp = TimeSpan.FromSeconds(BenchmarkSettings.Option(options, "--warmup", 5));
        var drain = TimeSpan.FromSeconds(BenchmarkSettings.Option(options, "--drain", 30));
        var notificationInstances = BenchmarkSettings.Option(options, "--notifications", 1);

        Console.WriteLine($"starting the distributed app (2 gateways)... load average {LoadAverage()}");
        await using var app = await BenchmarkApplication.StartAsync(Settings(notificationInstances));
        using var senderGateway = new HttpClient { BaseAddress = app.EndpointOf(ResourceNames.Gateway), Timeout = TimeSpan.FromSeconds(30) };
        var recipientGateway = app.EndpointOf(ResourceNames.Gateway + "-2");

        var pairs = new List<(string SenderToken, string ConversationId, string RecipientToken)>();
        for (var i = 0; i < pairCount; i++)
        {
            var sender = await GatewayCalls.RegisterAsync(senderGateway);
            var recipient = await GatewayCalls.RegisterAsync(senderGateway);
            pairs.Add((sender.Token, await GatewayCalls.CreateConversationAsync(senderGateway, sender.Token, recipient.Id), recipient.Token));
        }

        var arrivals = new DeliveryArrivals();
        using var stop = new CancellationTokenSource();
        var clients = new List<GraphQLWsClient>();
        var listeners = new List<Task>();
        try
        {
            foreach (var pair in pairs)
            {
                var client = await GraphQLWsClient.ConnectAsync(recipientGateway, pair.RecipientToken, stop.Token);
                clients.Add(client);
                await client.SubscribeAsync("m", DeliveryArrivals.MessageSubscription, stop.Token);
                await client.SubscribeAsync("n", DeliveryArrivals.NotificationSubscription, stop.Token);
                listeners.Add(arrivals.ListenAsync(client, stop.Token));
            }

            Task Send(int index, string tag) =>
                GatewayCalls.SendMessageAsync(senderGateway, pairs[index % pairs.Count].SenderToken, pairs[index % pairs.Count].ConversationId, tag);

            // A client cannot tell when the server has set a subscription up: one message per pair proves them live;
            // then a few seconds at a low rate warm JIT, pools and consumers up. Neither is in the figures.
            await WaitUntilLiveAsync(arrivals, pairs.Count, Send);
            var warm = await OpenLoopSender.RunAsync(Math.Min(5, rates.Min()), warmUp, "warm", Send);
            await WaitForAsync(arrivals, warm.Sent, drain);

            Console.WriteLine($"{pairs.Count} sender/recipient pairs, {notificationInstances} notifications instance(s), " +
                              $"{duration.TotalSeconds:0} s per rate, {Environment.ProcessorCount} cores");
            var rows = new List<string>();
            foreach (var rate in rates)
            {
                var loadBefore = LoadAverage();
                var windowStart = DateTimeOffset.UtcNow;
                var (sent, slip) = await OpenLoopSender.RunAsync(rate, duration, "r" + rate.ToString(CultureInfo.InvariantCulture), Send);
                var drained = await WaitForAsync(arrivals, sent, drain);
                rows.AddRange(Rows(rate, sent, arrivals));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"rate {rate}/s: load average before {loadBefore}, after {LoadAverage()}; schedule slip max {slip:0.0} ms; " +
                    $"waited {drained.TotalSeconds:0.0} s after the last reply for the events"));
                SpanDigest.Describe(app.App, windowStart, DateTimeOffset.UtcNow).ToList().ForEach(Console.WriteLine);
                foreach (var error in sent.Where(s => s.Error is not null).Select(s => s.Error).Distinct().Take(3))
                {
                    Console.WriteLine("  send error: " + error);
                }
            }

            Console.WriteLine($"duplicates {arrivals.Duplicates}, unexpected frames {arrivals.Problems.Count}");
            foreach (var problem in arrivals.Problems.Take(5))
            {
                Console.WriteLine("  " + problem);
            }
            Console.WriteLine();
            Console.WriteLine($"missing: failed calls (HTTP row) or events not arrived {drain.TotalSeconds:0} s after the rate's last reply");
            Console.WriteLine("| rate (msg/s) | measured | sent | received | missing | p50 ms | p90 ms | p99 ms | max ms |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            rows.ForEach(Console.WriteLine);
        }
        finally
        {
            await stop.CancelAsync();
            clients.ForEach(client => client.Dispose());
            await Task.WhenAll(listeners);
        }
    }

    private static IEnumerable<string> Rows(double rate, OpenLoopSender.Sent[] sent, DeliveryArrivals arrivals)
    {
        var delivered = sent.Where(s => s.Error is null).ToArray();
        yield return Row(rate, "sendMessage HTTP round trip", sent.Length, delivered.Length, LatencySummary.Of(delivered.Select(s => s.RoundTripMs)));
        yield return Row(rate, "messageAdded", delivered.Length, null, Delivery(delivered, arrivals.Messages));
        yield return Row(rate, "notificationAdded", delivered.Length, null, Delivery(delivered, arrivals.Notifications));
    }

    private static LatencySummary Delivery(OpenLoopSender.Sent[] sent, IReadOnlyDictionary<string, long> arrived) =>
        LatencySummary.Of(sent.Where(s => arrived.ContainsKey(s.Tag))
            .Select(s => (arrived[s.Tag] - s.StartedAt) * 1000.0 / Stopwatch.Frequency));

    /// <summary>For the HTTP row "received" is the successful calls; for events, the sent messages that arrived.</summary>
    private static string Row(double rate, string what, int sent, int? succeeded, LatencySummary summary)
    {
        var received = succeeded ?? summary.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {rate} | {what} | {sent} | {received} | {sent - received} | {summary.P50:0.0} | {summary.P90:0.0} | {summary.P99:0.0} | {summary.Max:0.0} |");
    }

    /// <summary>Rounds of one message per pair until a whole round arrived: then every subscription is live.</summary>
    private static async Task WaitUntilLiveAsync(DeliveryArrivals arrivals, int pairCount, Func<int, string, Task> send)
    {
        for (var round = 1; round <= 5; round++)
        {
            var (sent, _) = await OpenLoopSender.RunAsync(pairCount, TimeSpan.FromSeconds(1), $"ready{round}", send);
            await WaitForAsync(arrivals, sent, TimeSpan.FromSeconds(15));
            if (sent.All(s => s.Error is null && arrivals.Messages.ContainsKey(s.Tag) && arrivals.Notifications.ContainsKey(s.Tag)))
            {
                return;
            }
        }
        throw new InvalidOperationException("The recipients' subscriptions did not deliver a message in 5 rounds.");
    }

    /// <summary>How long it took until every successfully sent message had both events (or the limit).</summary>
    private static async Task<TimeSpan> WaitForAsync(DeliveryArrivals arrivals, OpenLoopSender.Sent[] sent, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit &&
               sent.Any(s => s.Error is null && (!arrivals.Messages.ContainsKey(s.Tag) || !arrivals.Notifications.ContainsKey(s.Tag))))
        {
            await Task.Delay(50);
        }
        return waited.Elapsed;
    }

    private static ChatApplicationOptions Settings(int notificationInstances)
    {
        var settings = BenchmarkSettings.Unthrottled();
        settings.Instances[ResourceNames.Gateway] = 2;
        settings.Instances[ResourceNames.Notifications] = notificationInstances;
        return settings;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

}
