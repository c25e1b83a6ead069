namespace Chat.ServiceDefaults.Problems;

/// <summary>A service's own exceptions and what they mean to a client; the shared ones are in <see cref="CommonProblems"/>.</summary>
public interface IProblemMapping
{
    /// <summary>The problem <paramref name="exception"/> stands for, or null when this mapping does not know it.</summary>
    Problem? Map(Exception exception);
}
