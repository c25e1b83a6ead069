namespace Chat.Bench.Scenarios;

/// <summary>
/// One sendMessage as the load generator saw it, in Stopwatch timestamps: when it was due (the open loop's schedule;
/// the closed loop's send time), when the request started, when the reply came, and the error if it failed.
/// </summary>
public sealed record SentMessage(string Tag, long DueAt, long StartedAt, long RepliedAt, string? Error);
