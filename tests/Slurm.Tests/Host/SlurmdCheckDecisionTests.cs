using HpcWekaSlurm.Slurm.Host;

namespace HpcWekaSlurm.Slurm.Tests.Host;

/// <summary>The verdict on a candidate from slurmd -G's runs on it and on the live files (pure function).</summary>
public class SlurmdCheckDecisionTests
{
    private static SlurmdRun Clean => new(0, [], string.Empty);

    private static SlurmdRun Silent(int exitCode) => new(exitCode, [], string.Empty);

    [Fact]
    public void A_clean_run_on_the_candidate_validates_it()
    {
        var result = SlurmdCheckDecision.Decide(Clean, Clean);

        Assert.True(result.Validated);
        Assert.Null(result.Note);
    }

    [Fact]
    public void A_clean_candidate_without_a_live_file_validates_it()
    {
        Assert.True(SlurmdCheckDecision.Decide(Clean, live: null).Validated);
    }

    [Fact]
    public void A_candidate_that_fixes_failing_live_files_is_validated()
    {
        Assert.True(SlurmdCheckDecision.Decide(Clean, new SlurmdRun(1, ["slurmd: fatal: Unable to process configuration file"], "slurmd: fatal: Unable to process configuration file")).Validated);
    }

    [Fact]
    public void Silent_failures_on_both_the_live_files_and_the_candidate_are_not_validated_and_say_why()
    {
        var result = SlurmdCheckDecision.Decide(Silent(1), Silent(1));

        Assert.False(result.Ran);
        Assert.False(result.Validated);
        Assert.True(result.Passed);
        Assert.Equal(
            "slurmd -G fails on the current files too (exit 1, no output), so it could not judge the new file (exit 1, no output); " +
            "slurmd logs some failures only to the system log",
            result.Note);
    }

    [Fact]
    public void The_same_fatal_on_both_is_not_validated_and_names_the_fatal()
    {
        const string Fatal = "slurmd: fatal: Could not open/read/parse cgroup.conf file /etc/slurm/cgroup.conf";
        var run = new SlurmdRun(1, [Fatal], Fatal);

        var result = SlurmdCheckDecision.Decide(run, run);

        Assert.False(result.Validated);
        Assert.Equal($"slurmd -G fails on the current files too (exit 1: {Fatal}), so it could not judge the new file (exit 1: {Fatal})", result.Note);
    }

    [Fact]
    public void A_silent_failure_on_the_candidate_only_fails_it_with_the_exit_code()
    {
        var result = SlurmdCheckDecision.Decide(Silent(1), Clean);

        Assert.True(result.Ran);
        Assert.False(result.Passed);
        Assert.Equal(["slurmd -G fails on the new file only (exit 1, no output); slurmd logs some failures only to the system log"], result.Problems);
    }

    [Fact]
    public void A_silent_failure_of_a_first_file_fails_it()
    {
        Assert.False(SlurmdCheckDecision.Decide(Silent(2), live: null).Passed);
    }

    [Fact]
    public void Problems_the_candidate_adds_fail_it_even_when_the_live_files_fail()
    {
        const string Known = "slurmd: error: Invalid user for SlurmUser nosuchuser, ignored";
        const string Added = "slurmd: error: NodeNames=n2 CpuSpecList=5 is invalid";
        var result = SlurmdCheckDecision.Decide(new SlurmdRun(1, [Known, Added], Added), new SlurmdRun(1, [Known], Known));

        Assert.False(result.Passed);
        Assert.Equal([Added], result.Problems);
        Assert.Contains(Known, result.Note);
    }

    [Fact]
    public void Errors_logged_with_exit_code_0_fail_the_candidate()
    {
        const string Added = "slurmd: error: NodeNames=n2 CpuSpecList=5 is invalid";

        Assert.False(SlurmdCheckDecision.Decide(new SlurmdRun(0, [Added], Added), Clean).Passed);
    }

    [Fact]
    public void Problems_the_live_files_already_have_are_a_note_not_a_failure()
    {
        const string Known = "slurmd: error: CoreSpecCount=1 is invalid with CPUSpecList";
        var run = new SlurmdRun(0, [Known], Known);

        var result = SlurmdCheckDecision.Decide(run, run);

        Assert.True(result.Validated);
        Assert.Contains(Known, result.Note);
    }

    [Fact]
    public void A_skipped_check_is_not_validated()
    {
        var result = SlurmdCheckResult.Skip("slurmd is not installed");

        Assert.False(result.Validated);
        Assert.True(result.Passed);
        Assert.Equal("slurmd is not installed", result.Note);
    }

    [Theory]
    [InlineData("a\nb\nc\nd\n", "", "b / c / d")]
    [InlineData("", "out1\nout2\n", "out1 / out2")]
    [InlineData("  \n", "  ", "")]
    public void The_output_tail_is_the_last_three_lines_of_stderr_else_stdout(string stdErr, string stdOut, string expected)
    {
        Assert.Equal(expected, SlurmdCheckDecision.Tail(stdErr, stdOut));
    }

    [Fact]
    public void A_long_output_tail_is_cut_at_its_start()
    {
        var tail = SlurmdCheckDecision.Tail(new string('x', 1000) + "END", string.Empty);

        Assert.Equal(400, tail.Length);
        Assert.StartsWith("...", tail, StringComparison.Ordinal);
        Assert.EndsWith("END", tail, StringComparison.Ordinal);
    }
}
