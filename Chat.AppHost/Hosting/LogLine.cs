namespace Chat.AppHost.Hosting;

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text);
