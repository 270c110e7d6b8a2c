namespace RdsRecovery.Emulator.Hosting;

/// <summary>Settings the admin API may change while running; a reset returns them to the start-up values.</summary>
internal sealed class EmulatorSettings
{
    private readonly EmulatorOptions _options;

    public EmulatorSettings(EmulatorOptions options)
    {
        _options = options;
        Reset();
    }

    public volatile int JobInvisibleMs;
    public volatile int JobDurationMs;

    public void Reset()
    {
        JobInvisibleMs = _options.JobInvisibleMs;
        JobDurationMs = _options.JobDurationMs;
    }
}
