using Chat.Contracts.Events;
using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Paging;
using Chat.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Conversations;

/// <summary>Creating conversations and changing who is in them; every change and its event in one SaveChanges.</summary>
public sealed class ConversationService(ChatDbContext db, ConversationViews views, TimeProvider time)
{
    /// <summary>The new conversation, or for a 1:1 pair that already has one, that one (Created false).</summary>
    public async Task<(ConversationDto Conversation, bool Created)> CreateAsync(
        Guid caller, CreateConversationRequest request, CancellationToken cancellationToken)
    {
        var (others, title, isGroup) = Validate(caller, request);
        var directKey = isGroup ? null : Conversation.DirectKeyOf(caller, others[0]);
        if (directKey is not null && await FindDirectAsync(directKey, cancellationToken) is { } existing)
        {
            return (await views.OneAsync(existing, caller, cancellationToken), false);
        }

        var now = MessagingRules.Now(time);
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(), IsGroup = isGroup, Title = title, DirectKey = directKey, CreatedBy = caller,
            CreatedAt = now, UpdatedAt = now,
        };
        conversation.Members.AddRange(others.Prepend(caller).Select(userId => NewMember(conversation.Id, userId, now)));
        db.Conversations.Add(conversation);
        db.AddIntegrationEvent(new ConversationChanged(
            conversation.Id, ConversationChangeKind.Created, isGroup, title, conversation.ParticipantIds(), caller, null));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (directKey is not null && UniqueViolation.Of(exception, ChatDbContext.UniqueDirectKeyIndex))
        {
            // The other user created the pair's conversation at the same moment: theirs is the one.
            db.ChangeTracker.Clear();
            var winner = await FindDirectAsync(directKey, cancellationToken) ?? throw new InvalidOperationException("Lost a race to a row that is gone.", exception);
            return (await views.OneAsync(winner, caller, cancellationToken), false);
        }

        return (await views.OneAsync(conversation, caller, cancellationToken), true);
    }

    public async Task<ConversationDto> GetAsync(Guid caller, Guid conversationId, CancellationToken cancellationToken) =>
        await views.OneAsync(await db.LoadForMemberAsync(conversationId, caller, cancellationToken), caller, cancellationToken);

    /// <summary>The caller's conversations, most recently active first (never-used ones by creation time).</summary>
    public async Task<PageDto<ConversationDto>> ListAsync(Guid caller, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = MessagingRules.PageSize(limit);
        var after = Cursor.Decode(cursor);
        var query = db.Conversations.AsNoTracking().Where(c => db.ConversationIdsOf(caller).Contains(c.Id));
        if (after is { } position)
        {
            query = query.Where(c => EF.Functions.LessThan(
                ValueTuple.Create(c.LastMessageAt ?? c.CreatedAt, c.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderByDescending(c => c.LastMessageAt ?? c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(size + 1).ToListAsync(cancellationToken);
        var items = await views.ManyAsync(page.Take(size).ToList(), caller, cancellationToken);
        var hasNext = page.Count > size;
        return new PageDto<ConversationDto>(items, hasNext ? items[^1].Cursor : null, hasNext);
    }

    public async Task<ConversationDto> AddMemberAsync(Guid caller, Guid conversationId, Guid userId, CancellationToken cancellationToken)
    {
        var conversation = await LoadGroupAsync(conversationId, caller, cancellationToken);
        if (conversation.Members.Any(m => m.UserId == userId))
        {
            return await views.OneAsync(conversation, caller, cancellationToken);
        }

        if (conversation.Members.Count >= MessagingRules.MaxGroupMembers)
        {
            throw new ConflictException($"A group has at most {MessagingRules.MaxGroupMembers} members.");
        }

        var now = MessagingRules.Now(time);
        conversation.Members.Add(NewMember(conversation.Id, userId, now));
        return await SaveChangeAsync(conversation, ConversationChangeKind.MemberAdded, caller, userId, now, cancellationToken);
    }

    /// <summary>Only the group's creator removes others; removing yourself is leaving.</summary>
    public async Task<ConversationDto> RemoveMemberAsync(Guid caller, Guid conversationId, Guid userId, CancellationToken cancellationToken)
    {
        if (userId == caller)
        {
            return await LeaveAsync(caller, conversationId, cancellationToken);
        }

        var conversation = await LoadGroupAsync(conversationId, caller, cancellationToken);
        if (conversation.CreatedBy != caller)
        {
            throw new ForbiddenException("Only the group's creator can remove members.");
        }

        var member = conversation.Members.FirstOrDefault(m => m.UserId == userId) ?? throw new NotFoundException("Member not found.");
        conversation.Members.Remove(member);
        return await SaveChangeAsync(conversation, ConversationChangeKind.MemberRemoved, caller, userId, MessagingRules.Now(time), cancellationToken);
    }

    /// <summary>The conversation as it is after the caller left (they can no longer read it).</summary>
    public async Task<ConversationDto> LeaveAsync(Guid caller, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await LoadGroupAsync(conversationId, caller, cancellationToken);
        conversation.Members.Remove(conversation.Members.First(m => m.UserId == caller));
        return await SaveChangeAsync(conversation, ConversationChangeKind.MemberLeft, caller, caller, MessagingRules.Now(time), cancellationToken);
    }

    /// <summary>
    /// Mutes the conversation for the caller until <paramref name="until"/> (or until unmuted): its messages make no
    /// NEW_MESSAGE notifications for them; unread counts, mentions and replies to their threads still do.
    /// </summary>
    public async Task<ConversationDto> MuteAsync(Guid caller, Guid conversationId, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var now = MessagingRules.Now(time);
        if (until <= now)
        {
            throw new InvalidInputException("until", "until must be in the future.");
        }

        return await SetMuteAsync(caller, conversationId, now, until, cancellationToken);
    }

    public Task<ConversationDto> UnmuteAsync(Guid caller, Guid conversationId, CancellationToken cancellationToken) =>
        SetMuteAsync(caller, conversationId, null, null, cancellationToken);

    /// <summary>One statement on the member's row: no read-modify-write to race the read pointer's version check.</summary>
    private async Task<ConversationDto> SetMuteAsync(
        Guid caller, Guid conversationId, DateTimeOffset? mutedAt, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var updated = await db.Members.Where(m => m.ConversationId == conversationId && m.UserId == caller)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.MutedAt, mutedAt).SetProperty(m => m.MutedUntil, until), cancellationToken);
        return updated == 0 ? throw NotFoundException.OfConversation() : await GetAsync(caller, conversationId, cancellationToken);
    }

    private async Task<ConversationDto> SaveChangeAsync(
        Conversation conversation, ConversationChangeKind change, Guid caller, Guid affected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        conversation.UpdatedAt = now;
        db.AddIntegrationEvent(new ConversationChanged(
            conversation.Id, change, conversation.IsGroup, conversation.Title, conversation.ParticipantIds(), caller, affected));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || UniqueViolation.Of(exception, "pk_conversation_members"))
        {
            // Someone else changed the same membership at the same moment; their change stands.
            throw new ConflictException("The membership changed at the same time; reload and try again.");
        }

        return await views.OneAsync(conversation, caller, cancellationToken);
    }

    private async Task<Conversation> LoadGroupAsync(Guid conversationId, Guid caller, CancellationToken cancellationToken)
    {
        var conversation = await db.LoadForMemberAsync(conversationId, caller, cancellationToken);
        return conversation.IsGroup ? conversation : throw new ConflictException("A 1:1 conversation's participants cannot change.");
    }

    private Task<Conversation?> FindDirectAsync(string directKey, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.DirectKey == directKey, cancellationToken);

    private static ConversationMember NewMember(Guid conversationId, Guid userId, DateTimeOffset now) =>
        new() { ConversationId = conversationId, UserId = userId, JoinedAt = now, LastReadAt = now, LastReadMessageId = Guid.Empty };

    private static (List<Guid> Others, string? Title, bool IsGroup) Validate(Guid caller, CreateConversationRequest request)
    {
        if (request.ParticipantIds is null || request.ParticipantIds.Any(id => id == Guid.Empty))
        {
            throw new InvalidInputException("participantIds", "participantIds must be a list of user ids.");
        }

        var others = request.ParticipantIds.Where(id => id != caller).Distinct().ToList();
        var title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim();
        // A group is asked for, never inferred: two ids where one was meant must not quietly make a group.
        var isGroup = request.IsGroup ?? false;
        return (others.Count, title?.Length, isGroup) switch
        {
            (0, _, _) => throw new InvalidInputException("participantIds", "Name at least one other participant."),
            ( >= MessagingRules.MaxGroupMembers, _, _) => throw new InvalidInputException(
                "participantIds", $"A group has at most {MessagingRules.MaxGroupMembers} members."),
            (_, > MessagingRules.MaxTitleLength, _) => throw new InvalidInputException("title", $"title must be at most {MessagingRules.MaxTitleLength} characters."),
            ( > 1, _, false) => throw new InvalidInputException(
                "isGroup", "A 1:1 conversation has exactly one other participant; set isGroup to create a group."),
            (_, not null, false) => throw new InvalidInputException("isGroup", "A 1:1 conversation has no title; set isGroup to create a group."),
            _ => (others, title, isGroup),
        };
    }
}
