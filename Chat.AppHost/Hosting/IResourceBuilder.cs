namespace Chat.AppHost.Hosting;

/// <summary>A declared resource, configured fluently as in Aspire (<c>WithReference</c>, <c>WaitFor</c>...).</summary>
public interface IResourceBuilder<out T> where T : Resource
{
    T Resource { get; }

    DistributedApplicationBuilder ApplicationBuilder { get; }
}
