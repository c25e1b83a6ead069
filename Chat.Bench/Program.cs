using Chat.Bench;

// dotnet run -c Release --project Chat.Bench -- <scenario> [options]
return await BenchmarkRunner.RunAsync(args);
