namespace Chat.Auth.Endpoints.Contracts;

/// <summary>Answer of <c>POST /auth/validate</c> for a valid token (an invalid one gets a 401 problem).</summary>
public sealed record TokenValidationResult(bool Valid, Guid UserId, string Email, string Username);
