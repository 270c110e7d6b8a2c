using RdsRecovery.Emulator.Hosting;

namespace RdsRecovery.Emulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void DefaultsArePublicTestValuesOnLoopback()
    {
        var options = EmulatorOptions.Parse(Array.Empty<string>());
        Assert.Equal("127.0.0.1", options.ListenAddress);
        Assert.Equal(0, options.Port);
        Assert.Equal("RDSEMULATORACCESSKEY0", options.AccessKey);
        Assert.Equal("rds-emulator-secret-key-not-a-secret", options.SecretKey);
        Assert.Equal("0123456789abcdef0123456789abcdef", options.ProjectId);
        Assert.Equal(1000, options.JobInvisibleMs);
        Assert.Equal(8000, options.JobDurationMs);
        Assert.EndsWith(Path.Combine(".rdsrecovery", "emulator.db"), options.DataFile);
    }

    [Fact]
    public void EveryOptionParses()
    {
        var options = EmulatorOptions.Parse(new[]
        {
            "--port", "8443", "--listen-address", "0.0.0.0", "--allow-remote", "--data-file", "x.db", "--access-key", "AK",
            "--secret-key", "SK", "--project-id", "P", "--job-invisible-ms", "5", "--job-duration-ms", "7", "--reset",
        });
        Assert.Equal((8443, "0.0.0.0", true, "AK", "SK", "P", 5, 7, true),
            (options.Port, options.ListenAddress, options.AllowRemote, options.AccessKey, options.SecretKey, options.ProjectId,
             options.JobInvisibleMs, options.JobDurationMs, options.Reset));
        Assert.Equal(Path.GetFullPath("x.db"), options.DataFile);
    }

    [Theory]
    [InlineData("--listen-address", "0.0.0.0")]
    [InlineData("--listen-address", "10.1.2.3")]
    [InlineData("--listen-address", "localhost")]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    [InlineData("--job-duration-ms", "soon")]
    [InlineData("--bogus", "1")]
    [InlineData("--port")]
    public void BadOptionsAreRefused(params string[] args) =>
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(args));

    [Fact]
    public void IPv6LoopbackNeedsNoAllowRemote() =>
        Assert.Equal("::1", EmulatorOptions.Parse(new[] { "--listen-address", "::1" }).ListenAddress);
}
