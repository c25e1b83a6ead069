using System.Collections.Concurrent;
using System.Collections.Frozen;
using Chat.Gateway.Configuration;
using Chat.Gateway.Errors;
using Chat.Contracts.Events;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Who belongs to which conversation, as far as this instance can tell: full participant lists from
/// <c>message.created</c> and <c>conversation.changed</c> events seen since start, and otherwise Messaging's answer
/// for a user (asked with that user's token), reused for <c>WebSockets:MembershipCacheDuration</c>.
/// </summary>
public sealed class ConversationMembership(ConversationMembershipClient messaging, IOptions<GraphQLWebSocketOptions> options)
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, FrozenSet<Guid>> participants = new();
    private readonly ConcurrentDictionary<(Guid User, Guid Conversation), (bool IsMember, long Until)> answers = new();

    public void Observe(MessageCreated created) => Remember(created.ConversationId, created.ParticipantIds);

    public void Observe(ConversationChanged changed) => Remember(changed.ConversationId, changed.ParticipantIds);

    /// <summary>The participants, when an event told this instance; null when unknown here.</summary>
    public FrozenSet<Guid>? ParticipantsOf(Guid conversationId) => participants.GetValueOrDefault(conversationId);

    public async Task<bool> IsMemberAsync(Guid userId, Guid conversationId, string? accessToken, CancellationToken cancellationToken)
    {
        if (ParticipantsOf(conversationId) is { } known)
        {
            return known.Contains(userId);
        }

        var now = Environment.TickCount64;
        if (answers.TryGetValue((userId, conversationId), out var answer) && answer.Until > now)
        {
            return answer.IsMember;
        }

        var isMember = await messaging.IsMemberAsync(conversationId, accessToken ?? throw GatewayError.Unauthenticated(), cancellationToken);
        if (answers.Count >= MaxEntries)
        {
            answers.Clear();
        }
        answers[(userId, conversationId)] = (isMember, now + (long)options.Value.MembershipCacheDuration.TotalMilliseconds);
        return isMember;
    }

    /// <summary>Throws FORBIDDEN unless the user belongs to the conversation.</summary>
    public async Task RequireMemberAsync(Guid userId, Guid conversationId, string? accessToken, CancellationToken cancellationToken)
    {
        if (!await IsMemberAsync(userId, conversationId, accessToken, cancellationToken))
        {
            throw NotAParticipant(conversationId);
        }
    }

    public static GatewayError NotAParticipant(Guid conversationId) =>
        new(ErrorCodes.Forbidden, "You are not a participant of this conversation.",
            new Dictionary<string, object?> { ["conversationId"] = conversationId });

    private void Remember(Guid conversationId, IEnumerable<Guid> participantIds)
    {
        if (participants.Count >= MaxEntries)
        {
            participants.Clear(); // a cold cache only costs a few membership calls to Messaging
        }
        participants[conversationId] = participantIds.ToFrozenSet();
    }
}
