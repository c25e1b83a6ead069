namespace Chat.AppHost.Hosting;

/// <summary>A resource others reach through <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }

    /// <summary>Extra settings a client of this resource needs here (e.g. what the local Kafka mock needs).</summary>
    IEnumerable<KeyValuePair<string, string>> ClientSettings => [];
}
