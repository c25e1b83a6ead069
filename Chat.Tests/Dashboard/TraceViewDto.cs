using Chat.AppHost.Telemetry;

namespace Chat.Tests.Dashboard;

/// <summary>The JSON of <c>GET /api/traces/{id}</c> as the tests read it.</summary>
public sealed record TraceViewDto(TraceSummary Summary, IReadOnlyList<SpanDto> Spans);
