namespace Chat.Bench.Scenarios;

public sealed record LoadResult(int Concurrency, int Operations, double PerSecond, double P50Ms, double P99Ms);
