using System.IO;
using System.Net;

namespace RdsRecovery.Emulator.Hosting;

/// <summary>Start-up options. The credential defaults are public test values, printed on purpose.</summary>
public sealed class EmulatorOptions
{
    public const string DefaultAccessKey = "RDSEMULATORACCESSKEY0";
    public const string DefaultSecretKey = "rds-emulator-secret-key-not-a-secret";
    public const string DefaultProjectId = "0123456789abcdef0123456789abcdef";
    public const string DefaultUserName = "rds-emulator";

    public int Port { get; set; }
    public string ListenAddress { get; set; } = "127.0.0.1";
    public bool AllowRemote { get; set; }
    public string DataFile { get; set; } = DefaultDataFile();
    public string AccessKey { get; set; } = DefaultAccessKey;
    public string SecretKey { get; set; } = DefaultSecretKey;
    public string ProjectId { get; set; } = DefaultProjectId;
    /// <summary>IAM user accepted by <c>POST /v3/auth/tokens</c>; its password is the secret key.</summary>
    public string UserName { get; set; } = DefaultUserName;
    public string Region { get; set; } = "cn-north-4";
    public int JobInvisibleMs { get; set; } = 1000;
    public int JobDurationMs { get; set; } = 8000;
    public bool Reset { get; set; }

    public static string DefaultDataFile() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rdsrecovery", "emulator.db");

    public const string Usage =
        "RdsRecovery.Emulator [--port N] [--listen-address A --allow-remote] [--data-file PATH] [--access-key K] " +
        "[--secret-key S] [--project-id P] [--user-name U] [--region R] [--job-invisible-ms N] [--job-duration-ms N] [--reset]";

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"Option {name} needs a value.");
                return args[++i];
            }
            int Number(int min)
            {
                var text = Value();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min)
                    throw new ArgumentException($"Option {name} needs a whole number >= {min}, not '{text}'.");
                return n;
            }
            switch (name.ToLowerInvariant())
            {
                case "--port": options.Port = Number(0); if (options.Port > 65535) throw new ArgumentException("Port must be 0-65535."); break;
                case "--listen-address": options.ListenAddress = Value(); break;
                case "--allow-remote": options.AllowRemote = true; break;
                case "--data-file": options.DataFile = Path.GetFullPath(Value()); break;
                case "--access-key": options.AccessKey = Value(); break;
                case "--secret-key": options.SecretKey = Value(); break;
                case "--project-id": options.ProjectId = Value(); break;
                case "--user-name": options.UserName = Value(); break;
                case "--region": options.Region = Value(); break;
                case "--job-invisible-ms": options.JobInvisibleMs = Number(0); break;
                case "--job-duration-ms": options.JobDurationMs = Number(0); break;
                case "--reset": options.Reset = true; break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (!IPAddress.TryParse(ListenAddress, out var address))
            throw new ArgumentException($"--listen-address '{ListenAddress}' is not an IP address.");
        if (!IPAddress.IsLoopback(address) && !AllowRemote)
            throw new ArgumentException($"Listening on {ListenAddress} (not loopback) needs --allow-remote.");
        if (string.IsNullOrEmpty(AccessKey) || string.IsNullOrEmpty(SecretKey) || string.IsNullOrEmpty(ProjectId))
            throw new ArgumentException("Access key, secret key and project id must not be empty.");
    }
}
