using RdsRecovery.Emulator.Faults;

namespace RdsRecovery.Emulator.Hosting;

/// <summary>Everything one running emulator shares between requests.</summary>
internal sealed class EmulatorServices(EmulatorOptions options, EmulatorStore store)
{
    public EmulatorOptions Options { get; } = options;
    public EmulatorStore Store { get; } = store;
    public EmulatorSettings Settings { get; } = new(options);
    public FaultInjector Faults { get; } = new();
    public RequestLog Log { get; } = new();
}
