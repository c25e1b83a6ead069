namespace Chat.Tests.Infrastructure;

public static class TemporaryDirectory
{
    /// <summary>A new folder under /tmp that the unprivileged postgres user can traverse.</summary>
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing a file: the OS cleans /tmp, and no test reads it again.
        }
    }
}
