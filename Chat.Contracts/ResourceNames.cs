namespace Chat.ServiceDefaults;

/// <summary>
/// Names of the distributed application's resources: the AppHost declares them, services read
/// <c>ConnectionStrings:&lt;name&gt;</c> and <c>services:&lt;name&gt;</c> with them, tests look them up.
/// Kept in Chat.Contracts, in the namespace services have always found it under, so the AppHost shares it without
/// taking in ServiceDefaults and its packages.
/// </summary>
public static class ResourceNames
{
    public const string AuthDb = "auth-db";
    public const string ChatDb = "chat-db";
    public const string PresenceDb = "presence-db";
    public const string NotificationDb = "notification-db";
    public const string Redis = "redis";
    public const string Kafka = "kafka";

    public const string SchemaRegistry = "schema-registry";
    public const string Auth = "auth";
    public const string Messaging = "messaging";
    public const string Presence = "presence";
    public const string Notifications = "notifications";
    public const string Gateway = "gateway";
}
