using System.Net;

namespace RdsRecovery.Emulator.Http;

/// <summary>The admin API is unsigned, so it answers loopback clients only, even when remote binding is allowed.</summary>
internal static class AdminAccess
{
    /// <summary>True for loopback clients (IPv4, IPv6 and IPv4-mapped IPv6) and in-process hosts with no remote address.</summary>
    public static bool IsAllowed(IPAddress? remote)
    {
        if (remote is null) return true;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote);
    }
}
