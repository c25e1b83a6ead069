using System.Security.Cryptography;

namespace Chat.AppHost.Hosting;

/// <summary>
/// Generated passwords (like Aspire's generated parameters), kept in the data folder readable by the
/// owner only, so a restart finds the databases it created with the same credentials.
/// </summary>
public sealed class SecretStore(string dataDirectory)
{
    private readonly string _directory = Path.Combine(dataDirectory, "secrets");

    public string GetOrCreate(string name)
    {
        var path = Path.Combine(_directory, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(_directory);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }
}
