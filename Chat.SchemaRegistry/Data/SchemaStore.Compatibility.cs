using Chat.SchemaRegistry.Domain;

namespace Chat.SchemaRegistry.Data;

/// <summary>Compatibility tests and the global and per-subject compatibility levels.</summary>
public sealed partial class SchemaStore
{
    /// <summary>Why the schema would be refused against a version (or, for latest, as registering it would check).</summary>
    public Task<IReadOnlyList<string>> CheckCompatibilityAsync(string subject, string version, SchemaSubmission submission, CancellationToken cancellationToken)
    {
        var canonical = Validate(submission);
        var selector = VersionSelector.Parse(version);
        return WithLock(() =>
        {
            var level = state.EffectiveLevel(subject);
            var against = selector.IsLatest ? LiveVersions(subject) : [Select(subject, selector, includeDeleted: false)];
            return CompatibilityChecker.Check(level, canonical, Texts(against));
        }, cancellationToken);
    }

    public Task<CompatibilityLevel> GetGlobalLevelAsync(CancellationToken cancellationToken) =>
        WithLock(() => state.GlobalLevel ?? RegistryState.DefaultLevel, cancellationToken);

    public Task<CompatibilityLevel> GetSubjectLevelAsync(string subject, bool defaultToGlobal, CancellationToken cancellationToken) =>
        WithLock(() => state.SubjectLevel(subject)
                       ?? (defaultToGlobal ? state.GlobalLevel ?? RegistryState.DefaultLevel : throw RegistryErrors.SubjectCompatibilityNotConfigured(subject)),
            cancellationToken);

    /// <summary>Sets the level of a subject, or the global one when subject is null.</summary>
    public Task<CompatibilityLevel> SetLevelAsync(string? subject, CompatibilityLevel level, CancellationToken cancellationToken) =>
        WithLockAsync(async () =>
        {
            await AppendAsync([new CompatibilitySet(subject, level)]);
            return level;
        }, cancellationToken);

    /// <summary>Removes a subject's level (or resets the global one when subject is null) and returns the level it had.</summary>
    public Task<CompatibilityLevel> DeleteLevelAsync(string? subject, CancellationToken cancellationToken) =>
        WithLockAsync(async () =>
        {
            var previous = subject is null
                ? state.GlobalLevel ?? RegistryState.DefaultLevel
                : state.SubjectLevel(subject) ?? throw RegistryErrors.SubjectCompatibilityNotConfigured(subject);
            await AppendAsync([new CompatibilitySet(subject, null)]);
            return previous;
        }, cancellationToken);

    /// <summary>Health: the data directory still takes a new file and a write (no fsync: probes come every few seconds).</summary>
    public async Task ProbeWritableAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(log.DirectoryPath, $".probe-{Guid.NewGuid():N}");
        try
        {
            await using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            await stream.WriteAsync("ok"u8.ToArray(), cancellationToken);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
