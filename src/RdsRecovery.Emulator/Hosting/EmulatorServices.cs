using RdsRecovery.Emulator.Faults;

namespace RdsRecovery.Emulator.Hosting;

/// <summary>Everything one running emulator shares between requests.</summary>
internal sealed class EmulatorServices
{
    public EmulatorServices(EmulatorOptions options, EmulatorStore store)
    {
        Options = options;
        Store = store;
        Settings = new EmulatorSettings(options);
    }

    public EmulatorOptions Options { get; }
    public EmulatorStore Store { get; }
    public EmulatorSettings Settings { get; }
    public FaultInjector Faults { get; } = new();
    public RequestLog Log { get; } = new();
}
