using System.Text;
using System.Text.Json;

namespace Chat.SchemaRegistry.Data;

/// <summary>
/// The registry's only persistence: one JSON object per line, appended and fsync'd before a change is acknowledged,
/// replayed at start. A torn last line (crash mid-append) is cut off; corruption anywhere else stops the start.
/// </summary>
internal sealed class RegistryLog : IDisposable
{
    public const string FileName = "registry.log.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FileStream stream;

    private RegistryLog(FileStream stream) => this.stream = stream;

    public string DirectoryPath => Path.GetDirectoryName(stream.Name)!;

    public static RegistryLog Open(string directory, out IReadOnlyList<RegistryLogEntry> entries, out bool tornTailCut)
    {
        Directory.CreateDirectory(directory);
        var stream = new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            entries = Replay(stream, out tornTailCut);
            stream.Seek(0, SeekOrigin.End);
            return new RegistryLog(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public async Task AppendAsync(IReadOnlyList<RegistryLogEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(JsonSerializer.Serialize(entry, Json)).Append('\n');
        }

        // Not cancellable on purpose: a half-written change would be worse than a late answer.
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
        stream.Flush(flushToDisk: true);
    }

    public void Dispose() => stream.Dispose();

    private static List<RegistryLogEntry> Replay(FileStream stream, out bool tornTailCut)
    {
        tornTailCut = false;
        var entries = new List<RegistryLogEntry>();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var lines = reader.ReadToEnd().Split('\n');
        long goodLength = 0;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (index == lines.Length - 1)
            {
                // Every complete entry ends with '\n': text after the last one is an append that never finished.
                tornTailCut = line.Length > 0;
                stream.SetLength(goodLength);
                break;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize<RegistryLogEntry>(line, Json) ?? throw new JsonException("null entry"));
                goodLength += Encoding.UTF8.GetByteCount(line) + 1;
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"Registry log line {index + 1} is corrupt: {exception.Message}", exception);
            }
        }

        return entries;
    }
}
