namespace Chat.AppHost.Resources.Postgres;

/// <summary>Where the PostgreSQL server binaries are: Debian keeps them off the PATH, in /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
public sealed record PostgresBinaries(string Postgres, string InitDb)
{
    public const string InstallHint = "PostgreSQL server binaries not found: install them with `sudo apt-get install -y postgresql` (or put initdb and postgres on the PATH).";

    public static PostgresBinaries? Find()
    {
        var folders = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(version => Path.Combine(version, "bin"))
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return folders.Concat(path)
            .Where(folder => File.Exists(Path.Combine(folder, "postgres")) && File.Exists(Path.Combine(folder, "initdb")))
            .Select(folder => new PostgresBinaries(Path.Combine(folder, "postgres"), Path.Combine(folder, "initdb")))
            .FirstOrDefault();
    }

    private static int VersionOf(string folder) => int.TryParse(Path.GetFileName(folder), out var version) ? version : 0;
}
