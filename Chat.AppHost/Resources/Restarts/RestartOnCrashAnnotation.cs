namespace Chat.AppHost.Resources.Restarts;

/// <summary>Marks a resource that <see cref="CrashRestarter"/> starts again when it exits on its own.</summary>
public sealed class RestartOnCrashAnnotation : IResourceAnnotation;
