using System.Reflection;

namespace Chat.AppHost.Resources;

/// <summary>Where a service project and its build output are, from the repository root recorded at build time.</summary>
public sealed record ProjectLocation(string ProjectDirectory, string AssemblyPath)
{
    public static ProjectLocation Of(string projectName)
    {
        var metadata = typeof(ProjectLocation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(attribute => attribute.Key, attribute => attribute.Value);
        var root = metadata["RepositoryRoot"] ?? throw new InvalidOperationException("RepositoryRoot metadata missing");
        var configuration = metadata["BuildConfiguration"] ?? "Debug";
        var projectDirectory = Path.GetFullPath(Path.Combine(root, projectName));
        var assembly = Path.Combine(projectDirectory, "bin", configuration, "net10.0", projectName + ".dll");
        return File.Exists(assembly)
            ? new ProjectLocation(projectDirectory, assembly)
            : throw new FileNotFoundException($"{projectName} is not built: expected {assembly}. Build the AppHost (it builds every service).", assembly);
    }
}
