namespace RdsRecovery.Emulator.Tests.Infrastructure;

/// <summary>The documented well-known seeded ids (README.md), written out so a change to them fails a test.</summary>
internal static class WellKnown
{
    public const string ErpProd = "7b63b40ca1c07d188407e3c64ee772bdin01";
}
