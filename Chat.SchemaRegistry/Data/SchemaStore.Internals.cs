using Chat.SchemaRegistry.Domain;

namespace Chat.SchemaRegistry.Data;

/// <summary>Validation, version selection and the lock every operation goes through.</summary>
public sealed partial class SchemaStore
{
    private static string Validate(SchemaSubmission submission)
    {
        var type = submission.SchemaType ?? "AVRO";
        if (!string.Equals(type, JsonSchemaType, StringComparison.OrdinalIgnoreCase))
        {
            throw RegistryErrors.InvalidSchema(
                $"schema type {type.ToUpperInvariant()} is not supported: this registry stores JSON Schema only; send \"schemaType\": \"JSON\".");
        }

        return JsonSchemaText.Canonicalize(submission.Schema);
    }

    private List<SubjectVersion> LiveVersions(string subject) =>
        [.. state.VersionsOf(subject).Where(version => !version.Deleted)];

    /// <summary>The versions a read sees; a subject with none of them does not exist (40401).</summary>
    private List<SubjectVersion> VisibleVersions(string subject, bool includeDeleted)
    {
        List<SubjectVersion> versions = [.. state.VersionsOf(subject).Where(version => includeDeleted || !version.Deleted)];
        return versions.Count > 0 ? versions : throw RegistryErrors.SubjectNotFound(subject);
    }

    private SubjectVersion Select(string subject, VersionSelector selector, bool includeDeleted)
    {
        var versions = VisibleVersions(subject, includeDeleted);
        return selector.IsLatest
            ? versions[^1]
            : versions.FirstOrDefault(version => version.Version == selector.Number) ?? throw RegistryErrors.VersionNotFound(selector.Number);
    }

    private List<SchemaVersionText> Texts(IEnumerable<SubjectVersion> versions) =>
        [.. versions.Select(version => new SchemaVersionText(version.Version, state.SchemaById(version.SchemaId)!.Schema))];

    private RegisteredSchema Describe(string subject, SubjectVersion version)
    {
        var schema = state.SchemaById(version.SchemaId)!;
        return new RegisteredSchema(subject, version.Version, schema.Id, schema.SchemaType, schema.Schema, schema.References);
    }

    private async Task AppendAsync(IReadOnlyList<RegistryLogEntry> entries)
    {
        await log.AppendAsync(entries);
        foreach (var entry in entries)
        {
            state.Apply(entry);
        }
    }

    private async Task<T> WithLock<T>(Func<T> read, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return read();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<T> WithLockAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await change();
        }
        finally
        {
            gate.Release();
        }
    }
}
