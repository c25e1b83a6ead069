namespace Chat.Auth;

/// <summary>
/// Names the Auth service's entry assembly for <c>WebApplicationFactory&lt;AuthApiMarker&gt;</c>: every service has a
/// global <c>Program</c>, so a test project referencing several services cannot use that name unambiguously.
/// </summary>
public sealed class AuthApiMarker
{
    private AuthApiMarker()
    {
    }
}
