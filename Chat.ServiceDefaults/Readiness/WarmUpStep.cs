namespace Chat.ServiceDefaults.Readiness;

/// <summary>One piece of first-request work done before the service reports ready (a key download, a model, a connection).</summary>
public sealed record WarmUpStep(string Name, Func<IServiceProvider, CancellationToken, Task> RunAsync);
