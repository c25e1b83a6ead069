namespace Chat.SchemaRegistry.Domain;

/// <summary>Confluent's error codes and messages, so clients that match on them behave as against the real registry.</summary>
public static class RegistryErrors
{
    public static RegistryException SubjectNotFound(string subject) => new(40401, $"Subject '{subject}' not found.");

    public static RegistryException VersionNotFound(int version) => new(40402, $"Version {version} not found.");

    public static RegistryException SchemaNotFound(int id) => new(40403, $"Schema {id} not found");

    public static RegistryException SchemaNotFound() => new(40403, "Schema not found");

    public static RegistryException SubjectSoftDeleted(string subject) =>
        new(40404, $"Subject '{subject}' was soft deleted. Set permanent=true to delete permanently");

    public static RegistryException SubjectNotSoftDeleted(string subject) =>
        new(40405, $"Subject '{subject}' was not deleted first before being permanently deleted");

    public static RegistryException VersionSoftDeleted(string subject, int version) =>
        new(40406, $"Subject '{subject}' Version {version} was soft deleted. Set permanent=true to delete permanently");

    public static RegistryException VersionNotSoftDeleted(string subject, int version) =>
        new(40407, $"Subject '{subject}' Version {version} was not deleted first before being permanently deleted");

    public static RegistryException SubjectCompatibilityNotConfigured(string subject) =>
        new(40408, $"Subject '{subject}' does not have subject-level compatibility configured");

    public static RegistryException InvalidSchema(string reason) => new(42201, $"Invalid schema: {reason}");

    public static RegistryException InvalidVersion(string version) =>
        new(42202, $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");

    public static RegistryException InvalidCompatibilityLevel() =>
        new(42203, "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");

    public static RegistryException Incompatible(string subject, IReadOnlyList<string> problems) =>
        new(409, $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\", details: [{string.Join("; ", problems)}]");

    public static RegistryException MalformedRequest(string reason) => new(400, $"Malformed request: {reason}");

    public static RegistryException Internal() => new(50001, "Error in the backend data store");
}
