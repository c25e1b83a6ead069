namespace Chat.AppHost.Hosting;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Restarting,
    Exited,
    FailedToStart,
    Stopping,
    Stopped,
}
