using Chat.SchemaRegistry.Domain;

namespace Chat.SchemaRegistry.Data;

/// <summary>Confluent's two-step deletion: a soft delete hides a version, only then may permanent=true remove it.</summary>
public sealed partial class SchemaStore
{
    public Task<IReadOnlyList<int>> DeleteSubjectAsync(string subject, bool permanent, CancellationToken cancellationToken) =>
        WithLockAsync<IReadOnlyList<int>>(async () =>
        {
            var all = state.VersionsOf(subject);
            if (all.Count == 0)
            {
                throw RegistryErrors.SubjectNotFound(subject);
            }

            var live = all.Where(version => !version.Deleted).Select(version => version.Version).ToList();
            if (!permanent)
            {
                if (live.Count == 0)
                {
                    throw RegistryErrors.SubjectSoftDeleted(subject);
                }

                await AppendAsync([.. live.Select(version => new VersionSoftDeleted(subject, version))]);
                return live;
            }

            if (live.Count > 0)
            {
                throw RegistryErrors.SubjectNotSoftDeleted(subject);
            }

            var deleted = all.Select(version => version.Version).ToList();
            await AppendAsync([.. deleted.Select(version => new VersionPermanentlyDeleted(subject, version))]);
            return deleted;
        }, cancellationToken);

    public Task<int> DeleteVersionAsync(string subject, string version, bool permanent, CancellationToken cancellationToken)
    {
        var selector = VersionSelector.Parse(version);
        return WithLockAsync(async () =>
        {
            var all = state.VersionsOf(subject);
            if (all.Count == 0)
            {
                throw RegistryErrors.SubjectNotFound(subject);
            }

            var candidates = permanent ? all : all.Where(candidate => !candidate.Deleted).ToList();
            var target = (selector.IsLatest ? candidates.LastOrDefault() : all.FirstOrDefault(candidate => candidate.Version == selector.Number))
                         ?? throw RegistryErrors.VersionNotFound(selector.Number);

            if (!permanent && target.Deleted)
            {
                throw RegistryErrors.VersionSoftDeleted(subject, target.Version);
            }

            if (permanent && !target.Deleted)
            {
                throw RegistryErrors.VersionNotSoftDeleted(subject, target.Version);
            }

            await AppendAsync([permanent ? new VersionPermanentlyDeleted(subject, target.Version) : new VersionSoftDeleted(subject, target.Version)]);
            return target.Version;
        }, cancellationToken);
    }
}
