using Aspire.Hosting.Lifecycle;

namespace Chat.AppHost.Resources.Restarts;

public static class RestartOnCrashExtensions
{
    /// <summary>
    /// Aspire 13.6 has no restart policy for executables and projects: an exited resource stays down until someone
    /// presses Start. This one is started again, with back-off, when it exits without having been asked to stop.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        builder.ApplicationBuilder.Services.TryAddEventingSubscriber<CrashRestarter>();
        return builder.WithAnnotation(new RestartOnCrashAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }
}
