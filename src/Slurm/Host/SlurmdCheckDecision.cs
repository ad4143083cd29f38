namespace HpcWekaSlurm.Slurm.Host;

/// <summary>What <c>slurmd -G</c> made of a candidate config.</summary>
/// <param name="Ran">slurmd -G did judge the candidate (false: the file was not validated, <paramref name="Note"/> says why).</param>
/// <param name="Passed">false: the candidate must not replace the file, <paramref name="Problems"/> says why.</param>
/// <param name="Problems">error/fatal lines the candidate causes that the current files do not (or its exit code and output).</param>
/// <param name="Note">Why no check ran, or the problems the current files already have (null when none).</param>
public sealed record SlurmdCheckResult(bool Ran, bool Passed, IReadOnlyList<string> Problems, string? Note)
{
    /// <summary>True only when slurmd -G judged the candidate and found nothing it adds.</summary>
    public bool Validated => Ran && Passed;

    public static SlurmdCheckResult Skip(string why) => new(false, true, [], why);
}

/// <summary>One <c>slurmd -G</c> run: its exit code, its error/fatal lines and the end of its output.</summary>
public sealed record SlurmdRun(int ExitCode, IReadOnlyList<string> Problems, string OutputTail)
{
    /// <summary>How the run ended, for messages: <c>exit 1: slurmd: fatal: ...</c> or <c>exit 1, no output</c>.</summary>
    public string Describe() => OutputTail.Length > 0 ? $"exit {ExitCode}: {OutputTail}" : $"exit {ExitCode}, no output";
}

/// <summary>
/// Judges a candidate from slurmd -G's runs on it and on the current files, as a pure function.
/// slurmd logs semantic mistakes as <c>error:</c> lines with exit code 0, and stops at the first
/// fatal one, partly through syslog only; so a candidate is validated only when slurmd got through
/// it. When slurmd fails on the current files as well, it never reached what the candidate
/// changes: that is "not validated", never "passed".
/// </summary>
public static class SlurmdCheckDecision
{
    /// <param name="candidate">slurmd -G on the candidate among the live files.</param>
    /// <param name="live">slurmd -G on the live files; null when there is no live file to compare with.</param>
    public static SlurmdCheckResult Decide(SlurmdRun candidate, SlurmdRun? live)
    {
        var known = live?.Problems ?? [];
        var note = known.Count > 0 ? $"slurmd -G reports problems the current files already have: {string.Join("; ", known)}" : null;
        var added = candidate.Problems.Except(known).ToList();
        if (added.Count > 0)
        {
            return new SlurmdCheckResult(true, false, added, note);
        }

        if (candidate.ExitCode == 0)
        {
            return new SlurmdCheckResult(true, true, [], note);
        }

        if (live is null || live.ExitCode == 0)
        {
            return new SlurmdCheckResult(true, false, [$"slurmd -G fails on the new file only ({candidate.Describe()}){SyslogHint(candidate)}"], note);
        }

        return SlurmdCheckResult.Skip(
            $"slurmd -G fails on the current files too ({live.Describe()}), so it could not judge the new file ({candidate.Describe()}){SyslogHint(live, candidate)}");
    }

    /// <summary>Where to look when slurmd said nothing: after its log is set up, it writes some errors to syslog only.</summary>
    private static string SyslogHint(params SlurmdRun[] runs) =>
        runs.Any(r => r.OutputTail.Length == 0) ? "; slurmd logs some failures only to the system log" : string.Empty;

    /// <summary>The last lines slurmd printed (stderr, else stdout), at most 3 lines and 400 characters.</summary>
    public static string Tail(string stdErr, string stdOut)
    {
        var text = stdErr.Trim().Length > 0 ? stdErr : stdOut;
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(3);
        var tail = string.Join(" / ", lines);
        return tail.Length <= 400 ? tail : "..." + tail[^397..];
    }
}
