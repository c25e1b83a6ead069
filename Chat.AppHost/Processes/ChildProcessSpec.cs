namespace Chat.AppHost.Processes;

/// <summary>What to run, as whom, and which signal asks it to stop (also sent if the AppHost dies).</summary>
public sealed record ChildProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    int StopSignal = Signals.SigTerm,
    string? RunAsUser = null);
