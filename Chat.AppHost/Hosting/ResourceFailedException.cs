namespace Chat.AppHost.Hosting;

/// <summary>A resource could not start; the message carries the reason and the tail of its log.</summary>
public sealed class ResourceFailedException(Resource resource, string reason)
    : Exception(FormatMessage(resource, reason))
{
    public Resource Resource { get; } = resource;

    private static string FormatMessage(Resource resource, string reason)
    {
        var tail = resource.Log.Tail(25);
        return tail.Count == 0
            ? $"{resource} failed: {reason}"
            : $"{resource} failed: {reason}{Environment.NewLine}--- last lines of its log ---{Environment.NewLine}{string.Join(Environment.NewLine, tail)}";
    }
}
