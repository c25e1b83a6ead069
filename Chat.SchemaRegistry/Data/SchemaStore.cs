using Chat.SchemaRegistry.Domain;
using Microsoft.Extensions.Options;

namespace Chat.SchemaRegistry.Data;

/// <summary>
/// The registry's operations, with Confluent's semantics. One lock serialises everything: the registry is
/// low-traffic and every change must reach the log (fsync) before it is visible or acknowledged.
/// </summary>
public sealed partial class SchemaStore : IDisposable
{
    public const string JsonSchemaType = "JSON";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly RegistryState state = new();
    private readonly RegistryLog log;

    public SchemaStore(IOptions<SchemaRegistryOptions> options, ILogger<SchemaStore> logger)
    {
        log = RegistryLog.Open(options.Value.DataDirectory, out var entries, out var tornTailCut);
        foreach (var entry in entries)
        {
            state.Apply(entry);
        }

        if (tornTailCut)
        {
            LogTornTail(logger, RegistryLog.FileName);
        }

        LogOpened(logger, options.Value.DataDirectory, entries.Count);
    }

    public async Task<int> RegisterAsync(string subject, SchemaSubmission submission, CancellationToken cancellationToken)
    {
        var canonical = Validate(submission);
        var fingerprint = StoredSchema.FingerprintOf(JsonSchemaType, canonical, submission.References);
        return await WithLockAsync(async () =>
        {
            var live = LiveVersions(subject);
            var existing = live.FirstOrDefault(version => state.SchemaById(version.SchemaId)!.Fingerprint == fingerprint);
            if (existing is not null)
            {
                return existing.SchemaId;
            }

            var problems = CompatibilityChecker.Check(state.EffectiveLevel(subject), canonical, Texts(live));
            if (problems.Count > 0)
            {
                throw RegistryErrors.Incompatible(subject, problems);
            }

            var entries = new List<RegistryLogEntry>();
            var id = state.IdOf(fingerprint) ?? state.LastSchemaId + 1;
            if (state.SchemaById(id) is null)
            {
                entries.Add(new SchemaAdded(id, JsonSchemaType, canonical, submission.References));
            }

            entries.Add(new VersionAdded(subject, state.NextVersion(subject), id));
            await AppendAsync(entries);
            return id;
        }, cancellationToken);
    }

    public Task<RegisteredSchema> LookupAsync(string subject, SchemaSubmission submission, bool includeDeleted, CancellationToken cancellationToken)
    {
        var canonical = Validate(submission);
        var fingerprint = StoredSchema.FingerprintOf(JsonSchemaType, canonical, submission.References);
        return WithLock(() =>
        {
            var versions = VisibleVersions(subject, includeDeleted);
            var match = versions.LastOrDefault(version => state.SchemaById(version.SchemaId)!.Fingerprint == fingerprint)
                        ?? throw RegistryErrors.SchemaNotFound();
            return Describe(subject, match);
        }, cancellationToken);
    }

    public Task<StoredSchema> GetSchemaAsync(int id, CancellationToken cancellationToken) => WithLock(() =>
        state.SchemaById(id) is { } schema && state.IsReferenced(id) ? schema : throw RegistryErrors.SchemaNotFound(id),
        cancellationToken);

    public Task<IReadOnlyList<string>> GetSubjectsAsync(bool includeDeleted, CancellationToken cancellationToken) => WithLock(() =>
        (IReadOnlyList<string>)[.. state.SubjectNames.Where(subject => state.VersionsOf(subject).Any(version => includeDeleted || !version.Deleted))],
        cancellationToken);

    public Task<IReadOnlyList<int>> GetVersionsAsync(string subject, bool includeDeleted, CancellationToken cancellationToken) => WithLock(() =>
        (IReadOnlyList<int>)[.. VisibleVersions(subject, includeDeleted).Select(version => version.Version)],
        cancellationToken);

    public Task<RegisteredSchema> GetVersionAsync(string subject, string version, bool includeDeleted, CancellationToken cancellationToken)
    {
        var requested = VersionSelector.Parse(version);
        return WithLock(() => Describe(subject, Select(subject, requested, includeDeleted)), cancellationToken);
    }

    public void Dispose()
    {
        log.Dispose();
        gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema registry opened {DataDirectory} and replayed {EntryCount} log entries")]
    private static partial void LogOpened(ILogger logger, string dataDirectory, int entryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut an unfinished last line from {LogFile}: a previous run stopped mid-append")]
    private static partial void LogTornTail(ILogger logger, string logFile);
}
