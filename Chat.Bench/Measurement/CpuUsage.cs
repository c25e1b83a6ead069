using System.Globalization;
using Chat.Bench.Target;

namespace Chat.Bench.Measurement;

/// <summary>CPU milliseconds the app's processes used in a window, per role, and the load generator's own.</summary>
public sealed record CpuUsage(IReadOnlyDictionary<string, double> MillisecondsByRole, TimeSpan Elapsed, double BenchMilliseconds)
{
    /// <summary>The app as deployed: services, databases, Redis and the Kafka broker, without local orchestration.</summary>
    public double AppMilliseconds => MillisecondsByRole.Where(pair => !ProcessRoles.IsOrchestration(pair.Key)).Sum(pair => pair.Value);

    public double OrchestrationMilliseconds => MillisecondsByRole.Where(pair => ProcessRoles.IsOrchestration(pair.Key)).Sum(pair => pair.Value);

    /// <summary>Percent of one core over the window.</summary>
    public double PercentOfCore(double milliseconds) => milliseconds / Elapsed.TotalMilliseconds * 100;

    /// <summary>One line per role, biggest first: ms per unit (message) and % of one core.</summary>
    public IEnumerable<string> Breakdown(double units, string unit) => MillisecondsByRole
        .Where(pair => pair.Value > 0)
        .OrderByDescending(pair => pair.Value)
        .Select(pair => string.Create(CultureInfo.InvariantCulture,
            $"    {pair.Key,-36} {pair.Value / Math.Max(units, 1),9:0.000} ms/{unit} {PercentOfCore(pair.Value),7:0.0} % of a core"));
}
