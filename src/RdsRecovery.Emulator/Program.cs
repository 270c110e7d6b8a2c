namespace RdsRecovery.Emulator;

/// <summary>
/// Starts the emulator and prints one compact JSON line (baseUri, accessKey, secretKey, projectId)
/// before anything else; runs until Ctrl+C or SIGTERM. Does not read stdin.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + "Usage: " + EmulatorOptions.Usage).ConfigureAwait(false);
            return 2;
        }
        await using var host = await EmulatorHost.StartAsync(options).ConfigureAwait(false);
        Console.Out.WriteLine(host.InfoLine);
        Console.Out.Flush();
        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
