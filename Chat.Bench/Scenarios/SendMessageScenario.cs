using System.Diagnostics;
using System.Globalization;
using Chat.Bench.Measurement;
using Chat.Bench.Peer;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Closed-loop sendMessage counted by DELIVERY at several concurrency levels: each sender waits for its recipient's
/// messageAdded before the next send (1:1 conversations, or with <c>--group</c> one group conversation of all the
/// level's senders). Per level: warm-up until stable, a measured window (throughput, latency, CPU of all the app's
/// processes), a drain that reports what was still in flight, then the floor at the same concurrency with the app
/// idle: raw single-row INSERTs on chat-db and Redis PUBLISH. Options: <c>--levels 1,4,16,64 --duration 20 --group --wait message|both --drain 60
/// --warmup-window 2 --warmup-max 60 --timeout 10 --no-baseline --peer ejabberd</c>.
/// </summary>
public sealed class SendMessageScenario : IBenchmarkScenario
{
    public string Name => "send-message";

    public string Description => "closed loop on delivery at 1/4/16/64 senders (--group: one group), CPU per message, vs raw INSERT";

    public async Task RunAsync(BenchmarkTarget target, CommandLine options, CancellationToken cancellationToken)
    {
        var levels = options.Numbers("--levels", "1,4,16,64").Select(level => (int)level).ToArray();
        var duration = TimeSpan.FromSeconds(options.Seconds("--duration", 20));
        var group = options.Flag("--group");
        var waitForNotification = options.Value("--wait") == "both";
        var drainLimit = TimeSpan.FromSeconds(options.Seconds("--drain", 60));
        var warmUpWindow = TimeSpan.FromSeconds(options.Seconds("--warmup-window", 2));
        var warmUpLimit = TimeSpan.FromSeconds(options.Seconds("--warmup-max", 60));
        var timeout = TimeSpan.FromSeconds(options.Seconds("--timeout", 10));

        var withFloor = !options.Flag("--no-baseline");
        await using var baseline = withFloor ? await RawInsertBaseline.CreateAsync(target.ChatDbConnectionString(), cancellationToken) : null;
        await using var publishFloor = withFloor ? await RawPublishBaseline.CreateAsync(target.RedisConnectionString(options)) : null;
        Console.WriteLine($"# {(group ? "one group conversation of all senders" : "1:1 conversations, one per sender")}; " +
                          $"each sender waits for messageAdded{(waitForNotification ? " and notificationAdded" : "")}; {duration.TotalSeconds:0} s measured per level");
        var peer = EjabberdPeer.From(options);
        var comparison = new PeerComparison("senders");
        var rows = new List<string>();
        foreach (var level in levels)
        {
            await using var audience = await Audience.SetUpAsync(target, level, group, cancellationToken);
            await audience.WaitUntilLiveAsync(cancellationToken);

            var load = ClosedLoopLoad.Start(audience, level, $"s{level}", waitForNotification, timeout);
            var warmUp = await StableWarmUp.RunAsync(audience.Arrivals, load, warmUpWindow, warmUpLimit, cancellationToken);
            var cpu = CpuMeter.Start(target.App);
            var from = Stopwatch.GetTimestamp();
            await Task.Delay(duration, cancellationToken);
            var to = Stopwatch.GetTimestamp();
            var usage = cpu?.Stop();
            await load.StopAsync();
            var drain = await Drain.RunAsync(audience.Arrivals, load.Sent, drainLimit, cancellationToken);
            var window = DeliveryWindow.Of(audience.Arrivals, load.Sent, from, to);

            // The floor runs with the app drained and idle, so neither disturbs the other.
            if (drain.MissingMessages + drain.MissingNotifications > 0 && baseline is not null)
            {
                Console.WriteLine($"  WARNING: the floor below runs while the app still has a backlog (raise --drain)");
            }
            var floor = baseline is null ? null : await baseline.RunAsync(level, duration, cancellationToken);
            var publish = publishFloor is null ? null : await publishFloor.RunAsync(level, duration, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"level {level}: warm-up {warmUp.Took.TotalSeconds:0} s ({(warmUp.Stable ? "stable" : "NOT stable")} at {warmUp.LastRate:0.0} msg/s); " +
                $"in flight at stop {drain.InFlightAtStop}, drained in {drain.Took.TotalSeconds:0.0} s, still missing {drain.MissingMessages} messageAdded / " +
                $"{drain.MissingNotifications} notificationAdded; failed sends {window.Failed}; duplicates so far {audience.Arrivals.Duplicates}; " +
                $"fan-out frames {audience.Arrivals.FanOutFrames}; load average {LoadAverage.Now()}"));
            foreach (var problem in audience.Arrivals.Problems.Take(3))
            {
                Console.WriteLine("  unexpected frame: " + problem);
            }
            if (usage is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU per delivered message (messageAdded in the window), load generator {usage.BenchMilliseconds / Math.Max(window.MessagesDelivered, 1):0.00} ms/msg:"));
                usage.Breakdown(window.MessagesDelivered, "msg").ToList().ForEach(Console.WriteLine);
            }
            rows.Add(Row(level, window, usage, floor, publish));
            if (peer is not null)
            {
                var peerResult = await peer.ClosedLoopAsync(level, duration, warmUpLimit, cancellationToken);
                comparison.Add(level, window.MessagesPerSecond, window.MessageAdded.P50, window.MessageAdded.P99,
                    usage is null ? null : usage.AppMilliseconds / Math.Max(window.MessagesDelivered, 1), peerResult);
            }
        }

        Console.WriteLine();
        Console.WriteLine("latency from each send to its event (ms); CPU: the app's processes (services, Postgres, Redis, AppHost with the Kafka mock) per delivered message; orchestration: DCP, dashboard");
        Console.WriteLine("| senders | delivered msg/s | notificationAdded/s | messageAdded p50 / p99 | notificationAdded p50 / p99 | reply p50 | app CPU ms/msg | orchestration ms/msg | raw INSERT/s | INSERT p50 / p99 | ours / INSERT | raw PUBLISH/s | PUBLISH p50 / p99 |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        comparison.Print();
    }

    private static string Row(int level, DeliveryWindow window, CpuUsage? usage, RawInsertBaseline.Result? floor, RawInsertBaseline.Result? publish)
    {
        var delivered = Math.Max(window.MessagesDelivered, 1);
        var cpu = usage is null ? "n/a | n/a" : string.Create(CultureInfo.InvariantCulture,
            $"{usage.AppMilliseconds / delivered:0.00} | {usage.OrchestrationMilliseconds / delivered:0.00}");
        var raw = floor is null ? "n/a | n/a | n/a" : string.Create(CultureInfo.InvariantCulture,
            $"{floor.PerSecond:0} | {floor.Latency.P50:0.00} / {floor.Latency.P99:0.00} | {window.MessagesPerSecond / floor.PerSecond:0.000}");
        var redis = publish is null ? "n/a | n/a" : string.Create(CultureInfo.InvariantCulture,
            $"{publish.PerSecond:0} | {publish.Latency.P50:0.00} / {publish.Latency.P99:0.00}");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {level} | {window.MessagesPerSecond:0.0} | {window.NotificationsPerSecond:0.0} | {window.MessageAdded.P50:0.0} / {window.MessageAdded.P99:0.0} | " +
            $"{window.NotificationAdded.P50:0.0} / {window.NotificationAdded.P99:0.0} | {window.Reply.P50:0.0} | {cpu} | {raw} | {redis} |");
    }
}
