using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using static HpcWekaSlurm.AnsibleModule.Commands.Spawn;

namespace HpcWekaSlurm.AnsibleModule.Commands;

/// <summary>The program could not be started (errno of posix_spawn, e.g. no such file).</summary>
internal sealed class SpawnException(int errno) : Exception(Marshal.GetPInvokeErrorMessage(errno));

/// <summary>
/// Runs one command to completion on the calling thread: posix_spawn in its own process group with
/// default signal handling (the .NET runtime ignores SIGPIPE; a child must not inherit that), stdin
/// fed and stdout/stderr drained through pipes with poll, so neither side can block the other. At the
/// deadline the whole process group is killed (a background child holding the pipes open included).
/// </summary>
internal static unsafe class ChildProcess
{
    public static CommandResult Run(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? stdin, TimeSpan timeout)
    {
        var deadline = System.Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var input = stdin is null ? [] : Encoding.UTF8.GetBytes(stdin);
        var fds = stackalloc int[6];
        for (var i = 0; i < 6; i += 2)
        {
            if (pipe2(fds + i, O_CLOEXEC) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                CloseAll(fds, i);
                throw new SpawnException(errno);
            }
        }

        // fds: [0] child stdin, [1] our end of it; [2] our stdout end, [3] the child's; [4] ours for stderr, [5] the child's.
        int pid;
        try
        {
            pid = Start(program, arguments, environment, fds[0], fds[3], fds[5]);
        }
        catch
        {
            CloseAll(fds, 6);
            throw;
        }

        close(fds[0]);
        close(fds[3]);
        close(fds[5]);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        if (!Pump(fds[1], input, fds[2], stdout, fds[4], stderr, deadline) || !Reap(pid, deadline, out var status))
        {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            throw new TimeoutException();
        }

        return new CommandResult(ExitCode(status), Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    private static int Start(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment, int stdin, int stdout, int stderr)
    {
        var allocated = new List<nint>();
        var actions = stackalloc byte[FileActionsBytes];
        var attributes = stackalloc byte[AttributesBytes];
        var defaults = stackalloc byte[SignalSetBytes];
        var mask = stackalloc byte[SignalSetBytes];
        posix_spawn_file_actions_init(actions);
        posix_spawnattr_init(attributes);
        try
        {
            posix_spawn_file_actions_adddup2(actions, stdin, 0);
            posix_spawn_file_actions_adddup2(actions, stdout, 1);
            posix_spawn_file_actions_adddup2(actions, stderr, 2);
            sigfillset(defaults);
            sigemptyset(mask);
            posix_spawnattr_setsigdefault(attributes, defaults);
            posix_spawnattr_setsigmask(attributes, mask);
            posix_spawnattr_setpgroup(attributes, 0);
            posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

            var argv = CStrings([program, .. arguments], allocated);
            var envp = CStrings(EnvironmentBlock(environment), allocated);
            int pid;
            var error = posix_spawnp(&pid, (byte*)argv[0], actions, attributes, (byte**)argv, (byte**)envp);
            return error == 0 ? pid : throw new SpawnException(error);
        }
        finally
        {
            posix_spawnattr_destroy(attributes);
            posix_spawn_file_actions_destroy(actions);
            foreach (var pointer in allocated)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>This process's environment with <paramref name="changes"/> applied (a null value removes the variable).</summary>
    private static List<string> EnvironmentBlock(IReadOnlyDictionary<string, string?>? changes)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                variables.Remove(key);
            }
            else
            {
                variables[key] = value;
            }
        }

        return variables.Select(kv => $"{kv.Key}={kv.Value}").ToList();
    }

    /// <summary>A NULL-terminated array of UTF-8 C strings; every allocation is recorded in <paramref name="allocated"/>.</summary>
    private static nint* CStrings(IReadOnlyList<string> strings, List<nint> allocated)
    {
        var array = (nint*)Marshal.AllocCoTaskMem((strings.Count + 1) * sizeof(nint));
        allocated.Add((nint)array);
        for (var i = 0; i < strings.Count; i++)
        {
            array[i] = Marshal.StringToCoTaskMemUTF8(strings[i]);
            allocated.Add(array[i]);
        }

        array[strings.Count] = 0;
        return array;
    }

    /// <summary>Feeds stdin and drains stdout and stderr until both reach end of file; false at the deadline.</summary>
    private static bool Pump(int stdinFd, byte[] input, int stdoutFd, MemoryStream stdout, int stderrFd, MemoryStream stderr, long deadline)
    {
        var written = 0;
        var inFd = stdinFd;
        if (input.Length == 0)
        {
            close(inFd);
            inFd = -1;
        }

        var outFd = stdoutFd;
        var errFd = stderrFd;
        var buffer = stackalloc byte[16384];
        var polls = stackalloc PollFd[3];
        try
        {
            while (outFd >= 0 || errFd >= 0)
            {
                var remaining = deadline - System.Environment.TickCount64;
                if (remaining <= 0)
                {
                    return false;
                }

                polls[0] = new PollFd { Fd = outFd, Events = POLLIN };
                polls[1] = new PollFd { Fd = errFd, Events = POLLIN };
                polls[2] = new PollFd { Fd = inFd, Events = POLLOUT };   // a negative fd is skipped by poll
                if (poll(polls, 3, (int)Math.Min(remaining, int.MaxValue)) < 0)
                {
                    if (Marshal.GetLastPInvokeError() == EINTR)
                    {
                        continue;
                    }

                    throw new IOException($"poll failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
                }

                outFd = Drain(polls[0], stdout, buffer);
                errFd = Drain(polls[1], stderr, buffer);
                if (inFd >= 0 && polls[2].Revents != 0)
                {
                    inFd = Feed(inFd, polls[2].Revents, input, ref written);
                }
            }

            return true;
        }
        finally
        {
            foreach (var fd in new[] { inFd, outFd, errFd })
            {
                if (fd >= 0)
                {
                    close(fd);
                }
            }
        }
    }

    /// <summary>Reads what is ready; returns the fd, or -1 once it is closed (end of file or error).</summary>
    private static int Drain(PollFd poll, MemoryStream into, byte* buffer)
    {
        if (poll.Fd < 0 || poll.Revents == 0)
        {
            return poll.Fd;
        }

        var n = read(poll.Fd, buffer, 16384);
        if (n > 0)
        {
            into.Write(new ReadOnlySpan<byte>(buffer, (int)n));
            return poll.Fd;
        }

        if (n < 0 && Marshal.GetLastPInvokeError() is EINTR or EAGAIN)
        {
            return poll.Fd;
        }

        close(poll.Fd);
        return -1;
    }

    /// <summary>Writes the next chunk of stdin; returns the fd, or -1 once all is written or the child closed its end.</summary>
    private static int Feed(int fd, short revents, byte[] input, ref int written)
    {
        if ((revents & (POLLERR | POLLHUP | POLLNVAL)) == 0)
        {
            fixed (byte* data = input)
            {
                var n = write(fd, data + written, Math.Min(PipeBuf, input.Length - written));
                if (n > 0)
                {
                    written += (int)n;
                }
                else if (n < 0 && Marshal.GetLastPInvokeError() is EINTR or EAGAIN)
                {
                    return fd;
                }
                else
                {
                    written = input.Length;   // EPIPE: the child does not read its stdin
                }
            }

            if (written < input.Length)
            {
                return fd;
            }
        }

        close(fd);
        return -1;
    }

    /// <summary>Waits for the child to exit (its output is closed, so this is normally at once); false at the deadline.</summary>
    private static bool Reap(int pid, long deadline, out int status)
    {
        var s = 0;
        while (true)
        {
            var r = waitpid(pid, &s, WNOHANG);
            if (r == pid || (r < 0 && Marshal.GetLastPInvokeError() != EINTR))
            {
                status = s;
                return true;
            }

            if (System.Environment.TickCount64 >= deadline)
            {
                status = 0;
                return false;
            }

            Thread.Sleep(1);
        }
    }

    private static void CloseAll(int* fds, int count)
    {
        for (var i = 0; i < count; i++)
        {
            close(fds[i]);
        }
    }
}
