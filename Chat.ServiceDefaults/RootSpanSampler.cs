using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Chat.ServiceDefaults;

/// <summary>
/// Decides which new traces a process starts (behind <see cref="ParentBasedSampler"/>: anything inside a trace
/// follows its parent, across services too, so a trace is recorded whole or not at all):
/// <list type="bullet">
/// <item>client spans that would start a trace of their own — database and HTTP calls made outside any request or
/// message, such as the outbox publisher's polls, health probes' queries and sweepers — are dropped: each would be a
/// one-span trace every second, drowning the traces people look for;</item>
/// <item>every other root is recorded while the process starts fewer than <see cref="TelemetryOptions.MaxTracesPerSecond"/>
/// traces per second, so a developer or a test sees every trace, and under load the cost of tracing (spans built
/// in every service, exported, ingested) stays bounded instead of growing with the message rate.</item>
/// </list>
/// </summary>
public sealed class RootSpanSampler(TraceRateLimit limit) : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);

    public static Sampler Create(double maxTracesPerSecond) =>
        new ParentBasedSampler(new RootSpanSampler(new TraceRateLimit(maxTracesPerSecond, TimeProvider.System)));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind != ActivityKind.Client && limit.TryTake() ? Record : Drop;
}
