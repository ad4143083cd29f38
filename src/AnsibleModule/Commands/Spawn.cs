using System.Runtime.InteropServices;

namespace HpcWekaSlurm.AnsibleModule.Commands;

/// <summary>
/// The libc calls <see cref="ChildProcess"/> starts and watches a command with: posix_spawn, pipes,
/// poll and waitpid. Bound at link time like <c>Files/Posix</c>; they replace System.Diagnostics.Process
/// (and CliWrap over it), which pulled sockets, URIs, the thread pool and async I/O into every module
/// that runs a command: about 1.1 MB of each binary for a feature the modules use synchronously.
/// </summary>
internal static unsafe partial class Spawn
{
    // Opaque glibc types, allocated with room to spare: posix_spawn_file_actions_t is 80 bytes,
    // posix_spawnattr_t 336 and sigset_t 128 on x86-64 and arm64.
    internal const int FileActionsBytes = 256;
    internal const int AttributesBytes = 1024;
    internal const int SignalSetBytes = 256;

    internal const short POSIX_SPAWN_SETPGROUP = 0x02;
    internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
    internal const short POSIX_SPAWN_SETSIGMASK = 0x08;

    internal const int O_CLOEXEC = 0x80000;
    internal const short POLLIN = 0x001;
    internal const short POLLOUT = 0x004;
    internal const short POLLERR = 0x008;
    internal const short POLLHUP = 0x010;
    internal const short POLLNVAL = 0x020;
    internal const int WNOHANG = 1;
    internal const int SIGKILL = 9;
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;

    /// <summary>At most this much per write to a pipe that poll reported writable: such a write never blocks.</summary>
    internal const int PipeBuf = 4096;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int pipe2(int* fds, int flags);

    [LibraryImport("libc")]
    internal static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport("libc")]
    internal static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newfd);

    [LibraryImport("libc")]
    internal static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport("libc")]
    internal static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    internal static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    internal static partial int posix_spawnattr_setpgroup(void* attributes, int pgroup);

    [LibraryImport("libc")]
    internal static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);

    [LibraryImport("libc")]
    internal static partial int posix_spawnattr_setsigmask(void* attributes, void* signals);

    [LibraryImport("libc")]
    internal static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    internal static partial int sigfillset(void* set);

    [LibraryImport("libc")]
    internal static partial int sigemptyset(void* set);

    /// <summary>Returns 0 or an errno value (not -1): posix_spawn reports exec failures such as ENOENT itself.</summary>
    [LibraryImport("libc")]
    internal static partial int posix_spawnp(int* pid, byte* file, void* actions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int kill(int pid, int signal);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc")]
    internal static partial int close(int fd);

    /// <summary>The exit code as .NET reports it: the status of a normal exit, 128 + the signal of a killed process.</summary>
    internal static int ExitCode(int status) => (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
}
