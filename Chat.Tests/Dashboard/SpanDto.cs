namespace Chat.Tests.Dashboard;

/// <summary>A span of <c>GET /api/traces/{id}</c> as the tests read it.</summary>
public sealed record SpanDto(string TraceId, string SpanId, string? ParentSpanId, string Name, string Kind, string ServiceName, string Scope, string Status);
