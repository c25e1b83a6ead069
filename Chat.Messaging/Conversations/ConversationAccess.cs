using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Conversations;

/// <summary>The one membership check: a conversation the caller is not in does not exist for them.</summary>
public static class ConversationAccess
{
    /// <summary>The conversation with its members, tracked; 404 unless <paramref name="caller"/> is a member.</summary>
    public static async Task<Conversation> LoadForMemberAsync(
        this ChatDbContext db, Guid conversationId, Guid caller, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations
            .Include(c => c.Members)
            .FirstOrDefaultAsync(c => c.Id == conversationId && c.Members.Any(m => m.UserId == caller), cancellationToken);
        return conversation ?? throw NotFoundException.OfConversation();
    }

    public static IQueryable<Guid> ConversationIdsOf(this ChatDbContext db, Guid userId) =>
        db.Members.Where(m => m.UserId == userId).Select(m => m.ConversationId);

    public static IReadOnlyList<Guid> ParticipantIds(this Conversation conversation) =>
        [.. conversation.Members.OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId).Select(m => m.UserId)];
}
