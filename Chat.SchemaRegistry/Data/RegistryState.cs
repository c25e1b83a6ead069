using Chat.SchemaRegistry.Domain;

namespace Chat.SchemaRegistry.Data;

/// <summary>The registry in memory: the fold of the log entries. Not thread-safe; <see cref="SchemaStore"/> serialises access.</summary>
internal sealed class RegistryState
{
    private readonly Dictionary<int, StoredSchema> schemasById = [];
    private readonly Dictionary<string, int> idsByFingerprint = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<SubjectVersion>> subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompatibilityLevel> subjectLevels = new(StringComparer.Ordinal);

    public const CompatibilityLevel DefaultLevel = CompatibilityLevel.Backward;

    public int LastSchemaId { get; private set; }

    public CompatibilityLevel? GlobalLevel { get; private set; }

    public IEnumerable<string> SubjectNames => subjects.Keys;

    public void Apply(RegistryLogEntry entry)
    {
        switch (entry)
        {
            case SchemaAdded added:
                var schema = new StoredSchema(added.Id, added.SchemaType, added.Schema, added.References);
                schemasById[added.Id] = schema;
                idsByFingerprint[schema.Fingerprint] = added.Id;
                LastSchemaId = Math.Max(LastSchemaId, added.Id);
                break;
            case VersionAdded added:
                VersionsOrCreate(added.Subject).Add(new SubjectVersion(added.Version, added.SchemaId));
                break;
            case VersionSoftDeleted deleted:
                Find(deleted.Subject, deleted.Version)!.Deleted = true;
                break;
            case VersionPermanentlyDeleted deleted:
                RemoveVersion(deleted.Subject, deleted.Version);
                break;
            case CompatibilitySet { Subject: null } set:
                GlobalLevel = set.Level;
                break;
            case CompatibilitySet { Subject: { } subject, Level: { } level }:
                subjectLevels[subject] = level;
                break;
            case CompatibilitySet { Subject: { } subject }:
                subjectLevels.Remove(subject);
                break;
        }
    }

    /// <summary>All versions of a subject, soft-deleted ones included, oldest first; empty when unknown.</summary>
    public IReadOnlyList<SubjectVersion> VersionsOf(string subject) =>
        subjects.TryGetValue(subject, out var versions) ? versions : [];

    public SubjectVersion? Find(string subject, int version) =>
        VersionsOf(subject).FirstOrDefault(candidate => candidate.Version == version);

    public int NextVersion(string subject) => VersionsOf(subject).Select(version => version.Version).DefaultIfEmpty(0).Max() + 1;

    public StoredSchema? SchemaById(int id) => schemasById.GetValueOrDefault(id);

    public int? IdOf(string fingerprint) => idsByFingerprint.TryGetValue(fingerprint, out var id) ? id : null;

    /// <summary>An id resolves while some subject version (soft-deleted included) still points at it, as in Confluent.</summary>
    public bool IsReferenced(int id) => subjects.Values.Any(versions => versions.Any(version => version.SchemaId == id));

    public CompatibilityLevel? SubjectLevel(string subject) => subjectLevels.TryGetValue(subject, out var level) ? level : null;

    public CompatibilityLevel EffectiveLevel(string subject) => SubjectLevel(subject) ?? GlobalLevel ?? DefaultLevel;

    private List<SubjectVersion> VersionsOrCreate(string subject)
    {
        if (!subjects.TryGetValue(subject, out var versions))
        {
            subjects[subject] = versions = [];
        }

        return versions;
    }

    private void RemoveVersion(string subject, int version)
    {
        if (!subjects.TryGetValue(subject, out var versions))
        {
            return;
        }

        versions.RemoveAll(candidate => candidate.Version == version);
        if (versions.Count == 0)
        {
            // A subject permanently gone takes its settings with it, so a new subject of that name starts clean.
            subjects.Remove(subject);
            subjectLevels.Remove(subject);
        }
    }
}
