using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Chat.AppHost.Resources;

/// <summary>
/// The one folder where every resource keeps its state (databases, Redis' AOF, the registry's schemas) and the
/// passwords generated for them, so a restart of the AppHost finds users and messages again.
/// <c>Chat:DataDirectory</c> (or <c>--data-dir</c>) moves it; the default is in the user's local data folder.
/// </summary>
public sealed class ChatDataFolder(string root)
{
    public const string ConfigurationKey = "Chat:DataDirectory";

    public string Root { get; } = root;

    public static ChatDataFolder From(IConfiguration configuration) =>
        new(Path.GetFullPath(configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "chat-apphost")));

    public string PathFor(string kind, string name) => Path.Combine(Root, kind, name);

    /// <summary>A generated password (like Aspire's generated parameters), readable by the owner only.</summary>
    public string SecretFor(string name)
    {
        var directory = Path.Combine(Root, "secrets");
        var path = Path.Combine(directory, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(directory);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }
}
