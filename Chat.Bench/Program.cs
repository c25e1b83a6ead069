using Chat.Bench;

// dotnet run -c Release --project Chat.Bench -- <scenario> [options]; without a scenario, the usage.
return await BenchmarkRunner.RunAsync(args);
