namespace Chat.Auth.Accounts;

/// <summary>What Auth rehearses before it reports ready (rolled back): a registration, then a login to that account.</summary>
public static class AccountRehearsal
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var name = "rehearsal" + Guid.NewGuid().ToString("N")[..12];
        const string password = "rehearsal password";
        await accounts.RegisterAsync($"{name}@rehearsal.invalid", name, password, cancellationToken);
        await accounts.LoginAsync($"{name}@rehearsal.invalid", password, cancellationToken);
    }
}
