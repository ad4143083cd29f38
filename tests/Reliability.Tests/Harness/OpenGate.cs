using System.Runtime.InteropServices;

namespace HpcWekaSlurm.Reliability.Tests.Harness;

/// <summary>
/// A deterministic race: fanotify permission events (FAN_OPEN_PERM) hold every open of the marked
/// file, or of any file in a marked directory, until the test answers. The test can act at an exact
/// point of a module's run (its second open of the target, its creation of the temp file) before
/// the module goes on. No test hook in the runtime; needs root (CAP_SYS_ADMIN).
/// Closing the gate answers everything still pending, so a failing test never leaves a module stuck.
/// </summary>
public sealed partial class OpenGate : IDisposable
{
    private const uint FAN_CLOEXEC = 0x1;
    private const uint FAN_NONBLOCK = 0x2;
    private const uint FAN_CLASS_CONTENT = 0x8;
    private const uint FAN_MARK_ADD = 0x1;
    private const ulong FAN_OPEN_PERM = 0x10000;
    private const ulong FAN_EVENT_ON_CHILD = 0x08000000;
    private const uint FAN_ALLOW = 0x1;
    private const int AT_FDCWD = -100;
    private const int O_RDONLY_LARGEFILE = 0x8000;

    private readonly int _fd;
    private readonly Func<OpenEvent, bool> _onOpen;
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <param name="path">A file, or a directory (then opens of the files in it).</param>
    /// <param name="onOpen">Called for each open before it is allowed; return false to stop answering (the opener stays blocked until the gate is disposed).</param>
    public OpenGate(string path, Func<OpenEvent, bool> onOpen)
    {
        _onOpen = onOpen;
        _fd = fanotify_init(FAN_CLASS_CONTENT | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY_LARGEFILE);
        Assert.True(_fd >= 0, $"fanotify_init failed (errno {Marshal.GetLastPInvokeError()}): the race tests need root and fanotify permission events");
        var mask = FAN_OPEN_PERM | (Directory.Exists(path) ? FAN_EVENT_ON_CHILD : 0);
        Assert.True(fanotify_mark(_fd, FAN_MARK_ADD, mask, AT_FDCWD, path) == 0, $"fanotify_mark '{path}' failed (errno {Marshal.GetLastPInvokeError()})");
        _thread = new Thread(Loop) { IsBackground = true, Name = "open-gate" };
        _thread.Start();
    }

    /// <summary>An open waiting for an answer: who opens what.</summary>
    /// <remarks>The callback runs on the gate's only thread: it must not open a gated file itself (that open would wait for the gate).</remarks>
    public sealed record OpenEvent(int Pid, string Path);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        close(_fd);
    }

    private unsafe void Loop()
    {
        var buffer = new byte[4096];
        var answering = true;
        while (!_stop)
        {
            long read;
            fixed (byte* b = buffer)
            {
                read = (long)this.Read(b, buffer.Length);
            }

            if (read <= 0)
            {
                Thread.Sleep(1);
                continue;
            }

            for (var offset = 0; offset < read;)
            {
                var length = BitConverter.ToInt32(buffer, offset);
                var eventFd = BitConverter.ToInt32(buffer, offset + 16);
                var pid = BitConverter.ToInt32(buffer, offset + 20);
                offset += length;
                var path = new FileInfo($"/proc/self/fd/{eventFd}").LinkTarget ?? string.Empty;
                if (answering)
                {
                    try
                    {
                        answering = _onOpen(new OpenEvent(pid, path));
                    }
                    finally
                    {
                        if (answering)
                        {
                            Allow(eventFd);
                        }
                    }
                }

                close(eventFd);
            }
        }
    }

    private unsafe nint Read(byte* buffer, int length) => read(_fd, buffer, (nuint)length);

    private unsafe void Allow(int eventFd)
    {
        var response = stackalloc int[2];
        response[0] = eventFd;
        response[1] = (int)FAN_ALLOW;
        write(_fd, response, 8);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fanotify_init(uint flags, int eventFlags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int fanotify_mark(int fd, uint flags, ulong mask, int dirfd, string path);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, void* buffer, nuint count);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
