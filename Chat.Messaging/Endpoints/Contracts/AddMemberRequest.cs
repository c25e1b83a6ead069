namespace Chat.Messaging.Endpoints.Contracts;

public sealed record AddMemberRequest(Guid? UserId);
