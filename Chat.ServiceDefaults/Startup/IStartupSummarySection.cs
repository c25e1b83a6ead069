namespace Chat.ServiceDefaults.Startup;

/// <summary>A part of the start-up summary: a name and its settings, secrets already hidden.</summary>
public interface IStartupSummarySection
{
    string Name { get; }

    string Describe();
}
