using Chat.Contracts.Events;
using Chat.Presence.History;
using Chat.Presence.State;
using Chat.ServiceDefaults.Problems;

namespace Chat.Presence.Domain;

/// <summary>What the endpoints do: change one's own presence, read anyone's.</summary>
public sealed class PresenceService(PresenceStore store, PresenceRecorder recorder, LastSeenReader lastSeen)
{
    public const int MaxBulkIds = 500;

    public Task<UserPresence> HeartbeatAsync(Guid userId, CancellationToken cancellationToken) =>
        ApplyAsync(store.HeartbeatAsync(userId, cancellationToken), cancellationToken);

    public Task<UserPresence> SetStatusAsync(Guid userId, PresenceStatus status, CancellationToken cancellationToken) =>
        ApplyAsync(store.SetStatusAsync(userId, status, cancellationToken), cancellationToken);

    /// <summary>
    /// Presence of each distinct id, in the order asked: live from Redis, else OFFLINE with the last activity
    /// history knows (null when the user never was present).
    /// </summary>
    public async Task<IReadOnlyList<UserPresence>> GetManyAsync(IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count > MaxBulkIds)
        {
            throw new InvalidInputException("userIds", $"At most {MaxBulkIds} user ids per request.");
        }
        var distinct = userIds.Distinct().ToList();
        var live = await store.GetManyAsync(distinct, cancellationToken);
        var misses = distinct.Where((_, index) => live[index] is null).ToList();
        var known = await lastSeen.LastSeenAsync(misses, cancellationToken);
        return [.. distinct.Select((userId, index) => live[index] ?? new UserPresence(
            userId, PresenceStatus.Offline, known.TryGetValue(userId, out var at) ? at : null))];
    }

    private async Task<UserPresence> ApplyAsync(Task<PresenceChange> write, CancellationToken cancellationToken)
    {
        var change = await write;
        if (change.Transition is { } transition)
        {
            await recorder.RecordAsync(transition, cancellationToken);
        }
        return change.Current;
    }
}
