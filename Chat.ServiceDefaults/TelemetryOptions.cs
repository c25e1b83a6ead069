using System.ComponentModel.DataAnnotations;

namespace Chat.ServiceDefaults;

/// <summary>How much tracing a process does (<c>Telemetry</c>); logs and metrics cost the same at any load.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// New traces this process may start per second (bursts of one second's worth); traces started elsewhere are
    /// followed regardless. At a developer's or a test's pace every trace is kept; at thousands of messages a second
    /// a few dozen traces a second still show where time goes, without tracing costing more than the messages.
    /// </summary>
    [Range(0.01, 1_000_000)]
    public double MaxTracesPerSecond { get; set; } = 20;
}
