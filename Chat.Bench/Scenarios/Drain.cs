using System.Diagnostics;
using Chat.Bench.Client;

namespace Chat.Bench.Scenarios;

/// <summary>
/// After a level or rate: what was still in flight when sending stopped, and the wait (at most <c>limit</c>) until
/// every accepted message's events arrived, so no backlog spills into the next level or into the baseline.
/// </summary>
public static class Drain
{
    public sealed record Result(int InFlightAtStop, int MissingMessages, int MissingNotifications, TimeSpan Took);

    public static async Task<Result> RunAsync(DeliveryArrivals arrivals, IReadOnlyCollection<SentMessage> sent, TimeSpan limit, CancellationToken cancellationToken)
    {
        var accepted = sent.Where(message => message.Error is null).ToArray();
        bool Done(SentMessage message) => arrivals.HasMessage(message.Tag) && arrivals.HasNotification(message.Tag);
        var inFlight = accepted.Count(message => !Done(message));
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit && accepted.Any(message => !Done(message)))
        {
            await Task.Delay(50, cancellationToken);
        }
        return new Result(inFlight, accepted.Count(message => !arrivals.HasMessage(message.Tag)),
            accepted.Count(message => !arrivals.HasNotification(message.Tag)), waited.Elapsed);
    }
}
