using System.Runtime.InteropServices;

namespace HpcWekaSlurm.AnsibleModule;

/// <summary>
/// The process's standard input and output as plain streams over read(2) and write(2) on fds 0 and 1.
/// A module reads one JSON document and writes one; System.Console would add its terminal handling
/// (a signal thread at start, terminfo, encodings): about 170 KB of every binary and a little of every
/// start. write(2), not a FileStream's positioned writes, so the fd's offset moves as a shell expects
/// when the output is a file shared with other writers.
/// </summary>
public static partial class StandardStreams
{
    public static Stream Input() => new FdStream(0, canRead: true);

    public static Stream Output() => new FdStream(1, canRead: false);

    private const int EINTR = 4;

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buffer, nint count);

    /// <summary>An unbuffered, non-seekable stream on a descriptor it does not own (never closes it).</summary>
    private sealed class FdStream(int fd, bool canRead) : Stream
    {
        public override bool CanRead => canRead;

        public override bool CanWrite => !canRead;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override unsafe int Read(byte[] buffer, int offset, int count)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((long)offset + count, buffer.Length);
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    var n = read(fd, p + offset, count);
                    if (n >= 0)
                    {
                        return (int)n;
                    }

                    if (Marshal.GetLastPInvokeError() != EINTR)
                    {
                        throw new IOException($"read from fd {fd}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
                    }
                }
            }
        }

        public override unsafe void Write(byte[] buffer, int offset, int count)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((long)offset + count, buffer.Length);
            fixed (byte* p = buffer)
            {
                while (count > 0)
                {
                    var n = write(fd, p + offset, count);
                    if (n > 0)
                    {
                        offset += (int)n;
                        count -= (int)n;
                    }
                    else if (n < 0 && Marshal.GetLastPInvokeError() != EINTR)
                    {
                        throw new IOException($"write to fd {fd}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
                    }
                }
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
