namespace Chat.Auth.Domain;

/// <summary>The email or username (<see cref="Field"/>) already belongs to an account.</summary>
public sealed class DuplicateAccountException(string field) : Exception($"An account with this {field} already exists.")
{
    public string Field { get; } = field;
}
