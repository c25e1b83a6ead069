using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Chat.ServiceDefaults;

/// <summary>
/// The root sampler: drops client spans that would start a trace of their own — database and HTTP calls made
/// outside any request or message, such as the outbox publisher's polls, health probes' queries and sweepers. Each
/// would be a one-span trace every second, drowning the traces people look for. Everything else, and anything
/// inside a trace, is recorded (behind <see cref="ParentBasedSampler"/>, children follow their parent).
/// </summary>
public sealed class UntracedClientCallSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);

    public static Sampler Create() => new ParentBasedSampler(new UntracedClientCallSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Record;
}
