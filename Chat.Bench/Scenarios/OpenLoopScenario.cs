using System.Diagnostics;
using System.Globalization;
using Chat.Bench.Client;
using Chat.Bench.Measurement;
using Chat.Bench.Peer;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Delivery latency at steady offered rates (open loop): sends round-robin over <c>--pairs</c> 1:1 conversations,
/// each timed from its SCHEDULED send time to the recipient's messageAdded and notificationAdded. Warm-up: a closed
/// loop on the same pairs until stable. After each rate the run drains (at most <c>--drain</c> s) and reports what
/// was missing. "kept up": nothing missing, and the second half's messageAdded p50 within 2× (+5 ms) of the first
/// half's — a queue that grows during the rate fails that. Options:
/// <c>--rates 10,100 --pairs 8 --duration 20 --drain 60 --warmup-max 60 --peer ejabberd</c>.
/// </summary>
public sealed class OpenLoopScenario : IBenchmarkScenario
{
    public string Name => "open-loop";

    public string Description => "delivery p50/p99 (messageAdded, notificationAdded) at fixed rates, from the scheduled send time";

    public async Task RunAsync(BenchmarkTarget target, CommandLine options, CancellationToken cancellationToken)
    {
        var rates = options.Numbers("--rates", "10,100");
        var pairs = options.Int("--pairs", 8);
        var duration = TimeSpan.FromSeconds(options.Seconds("--duration", 20));
        var drainLimit = TimeSpan.FromSeconds(options.Seconds("--drain", 60));

        await using var audience = await Audience.SetUpAsync(target, pairs, group: false, cancellationToken);
        await audience.WaitUntilLiveAsync(cancellationToken);
        var warm = ClosedLoopLoad.Start(audience, pairs, "warm", waitForNotification: true, TimeSpan.FromSeconds(10));
        var warmUp = await StableWarmUp.RunAsync(audience.Arrivals, warm, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(options.Seconds("--warmup-max", 60)), cancellationToken);
        await warm.StopAsync();
        await Drain.RunAsync(audience.Arrivals, warm.Sent, drainLimit, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {pairs} pairs; warm-up {warmUp.Took.TotalSeconds:0} s ({(warmUp.Stable ? "stable" : "NOT stable")}, closed loop at {warmUp.LastRate:0} msg/s); {duration.TotalSeconds:0} s per rate"));

        Task Send(int index, string tag) =>
            GatewayCalls.SendMessageAsync(audience.Http, audience.Senders[index % pairs].Token, audience.Senders[index % pairs].ConversationId, tag, cancellationToken);

        var peer = EjabberdPeer.From(options);
        var comparison = new PeerComparison("rate (msg/s)");
        var rows = new List<string>();
        foreach (var rate in rates)
        {
            var cpu = CpuMeter.Start(target.App);
            var from = Stopwatch.GetTimestamp();
            var (sent, slip) = await OpenLoopSender.RunAsync(rate, duration, "r" + rate.ToString(CultureInfo.InvariantCulture), Send, cancellationToken);
            var drain = await Drain.RunAsync(audience.Arrivals, sent, drainLimit, cancellationToken);
            var usage = cpu?.Stop();
            var window = DeliveryWindow.Of(audience.Arrivals, sent, from, Stopwatch.GetTimestamp());
            var half = sent.Length / 2;
            var first = DeliveryWindow.Of(audience.Arrivals, sent[..half], from, Stopwatch.GetTimestamp()).MessageAdded.P50;
            var second = DeliveryWindow.Of(audience.Arrivals, sent[half..], from, Stopwatch.GetTimestamp()).MessageAdded.P50;
            var keptUp = window.Failed == 0 && drain.MissingMessages == 0 && drain.MissingNotifications == 0 && second <= 2 * first + 5;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rate {rate}/s: sender slip max {slip:0.0} ms; messageAdded p50 first half {first:0.0} ms, second half {second:0.0} ms; " +
                $"drained {drain.Took.TotalSeconds:0.0} s after the last reply; load average {LoadAverage.Now()}"));
            foreach (var error in sent.Where(message => message.Error is not null).Select(message => message.Error).Distinct().Take(3))
            {
                Console.WriteLine("  send error: " + error);
            }
            if (usage is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU per delivered message (the rate and its drain):"));
                usage.Breakdown(window.MessagesDelivered, "msg").ToList().ForEach(Console.WriteLine);
            }
            if (peer is not null)
            {
                var peerResult = await peer.OpenLoopAsync(rate, pairs, duration, cancellationToken);
                comparison.Add(rate, window.MessagesPerSecond, window.MessageAdded.P50, window.MessageAdded.P99,
                    usage is null ? null : usage.AppMilliseconds / Math.Max(window.MessagesDelivered, 1), peerResult);
            }
            var cpuPerMessage = usage is null ? "n/a" : (usage.AppMilliseconds / Math.Max(window.MessagesDelivered, 1)).ToString("0.00", CultureInfo.InvariantCulture);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {sent.Length} | {window.Failed} | {drain.MissingMessages} / {drain.MissingNotifications} | {window.Reply.P50:0.0} / {window.Reply.P99:0.0} | " +
                $"{window.MessageAdded.P50:0.0} / {window.MessageAdded.P99:0.0} | {window.NotificationAdded.P50:0.0} / {window.NotificationAdded.P99:0.0} | {cpuPerMessage} | {(keptUp ? "yes" : "NO")} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"latency (ms) from each message's scheduled send time; missing: not arrived {drainLimit.TotalSeconds:0} s after the rate; duplicates {audience.Arrivals.Duplicates}, unexpected frames {audience.Arrivals.Problems.Count}");
        Console.WriteLine("| rate (msg/s) | sent | failed | missing messageAdded / notificationAdded | reply p50 / p99 | messageAdded p50 / p99 | notificationAdded p50 / p99 | app CPU ms/msg | kept up |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
        comparison.Print();
    }
}
