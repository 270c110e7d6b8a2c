namespace RdsRecovery.Core.Tests.Api;

/// <summary>A response body that never ends and declares no length: every read fills the buffer with one byte.</summary>
internal sealed class EndlessStream : Stream
{
    private readonly byte _fill;

    public EndlessStream(byte fill) => _fill = fill;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => 0; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) { Array.Fill(buffer, _fill, offset, count); return count; }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
