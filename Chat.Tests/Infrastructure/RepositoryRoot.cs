namespace Chat.Tests.Infrastructure;

/// <summary>The checkout the tests were built from: the folder above the test binaries that holds Chat.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Chat.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Chat.sln above {AppContext.BaseDirectory}");
    }
}
