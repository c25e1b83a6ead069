using Chat.AppHost.Telemetry;

namespace Chat.AppHost.Dashboard;

/// <summary>One trace for the waterfall: its summary and every span held of it, in start order.</summary>
public sealed record TraceView(TraceSummary Summary, IReadOnlyList<ReceivedSpan> Spans);
