using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.ServiceDefaults.Startup;

public static class StartupSummaryExtensions
{
    /// <summary>Lists these options, as bound and with secrets hidden, in the service's start-up summary.</summary>
    public static OptionsBuilder<TOptions> InStartupSummary<TOptions>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
    {
        builder.Services.AddSingleton<IStartupSummarySection>(services =>
            new OptionsSummarySection<TOptions>(services.GetRequiredService<IOptions<TOptions>>()));
        return builder;
    }
}
