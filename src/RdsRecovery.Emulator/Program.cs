// Placeholder entry point; the emulator is built under its own issue.
namespace RdsRecovery.Emulator;

public static class Program
{
    public static int Main(string[] args) => 0;
}
