using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;

namespace AnsibleModule.Tests;

public class ModuleRunnerTests
{
    private static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("name", ArgType.Str, required: true)
        .Add("secret", ArgType.Str, noLog: true);

    /// <summary>Runs the runner on args given on stdin ("-") and returns exit code and the parsed stdout.</summary>
    private static (int Code, JsonObject Json, string Raw) Run(string args, Action<ModuleContext> body, IReadOnlyList<string>? argv = null)
    {
        var stdout = new MemoryStream();
        var code = ModuleRunner.Run(argv ?? ["-"], "demo", Spec, body, () => new MemoryStream(Encoding.UTF8.GetBytes(args)), () => new NonClosingStream(stdout));
        var raw = Encoding.UTF8.GetString(stdout.ToArray());
        return (code, (JsonObject)JsonNode.Parse(raw)!, raw);
    }

    [Fact]
    public void Success_writes_one_json_object_with_changed_and_invocation()
    {
        var (code, json, raw) = Run("""{"name": "n1"}""", c => c.Result.Changed = true);
        Assert.Equal(0, code);
        Assert.True(json["changed"]!.GetValue<bool>());
        Assert.Equal("n1", json["invocation"]!["module_args"]!["name"]!.GetValue<string>());
        Assert.Equal(1, raw.Count(ch => ch == '\n'));
    }

    [Fact]
    public void Check_and_diff_flags_reach_the_module()
    {
        var seen = (Check: false, Diff: false);
        Run("""{"name": "n", "_ansible_check_mode": true, "_ansible_diff": true}""", c => seen = (c.CheckMode, c.DiffMode));
        Assert.Equal((true, true), seen);
    }

    [Fact]
    public void Module_failure_becomes_failed_result_with_its_message()
    {
        var (code, json, _) = Run("""{"name": "n"}""", _ => throw new ModuleFailure("option 'name': bad") { Extra = { ["rc"] = 3 } });
        Assert.Equal(1, code);
        Assert.True(json["failed"]!.GetValue<bool>());
        Assert.Equal("option 'name': bad", json["msg"]!.GetValue<string>());
        Assert.Equal(3, json["rc"]!.GetValue<int>());
    }

    [Fact]
    public void Unexpected_exception_is_one_line_without_stack_trace_unless_verbose()
    {
        var (_, json, raw) = Run("""{"name": "n"}""", _ => throw new InvalidOperationException("boom\nsecond line"));
        Assert.Equal("unexpected error in demo: InvalidOperationException: boom", json["msg"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", raw);

        var (_, verbose, _) = Run("""{"name": "n", "_ansible_verbosity": 3}""", _ => throw new InvalidOperationException("boom"));
        Assert.Contains("InvalidOperationException", verbose["exception"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public void Malformed_input_fails_cleanly(string args)
    {
        var (code, json, _) = Run(args, _ => Assert.Fail("body must not run"));
        Assert.Equal(1, code);
        Assert.True(json["failed"]!.GetValue<bool>());
    }

    [Fact]
    public void Missing_args_file_fails_naming_the_file()
    {
        var (_, json, _) = Run(string.Empty, _ => Assert.Fail("body must not run"), ["/nonexistent/args.json"]);
        Assert.Contains("cannot read the arguments from '/nonexistent/args.json'", json["msg"]!.GetValue<string>());
    }

    [Fact]
    public void No_log_value_is_masked_in_invocation_and_scrubbed_everywhere_else()
    {
        var (_, json, raw) = Run("""{"name": "n", "secret": "s3cr3t-value"}""", c =>
        {
            c.Result.Msg = "used s3cr3t-value";
            c.Warn("warning about s3cr3t-value");
            c.Result.Set("detail", new JsonObject { ["nested"] = "x s3cr3t-value y" });
        });
        Assert.DoesNotContain("s3cr3t-value", raw);
        Assert.Equal("VALUE_SPECIFIED_IN_NO_LOG_PARAMETER", json["invocation"]!["module_args"]!["secret"]!.GetValue<string>());
        Assert.Equal("used ********", json["msg"]!.GetValue<string>());
    }

    [Fact]
    public void Secret_is_scrubbed_from_failures_too()
    {
        var (_, _, raw) = Run("""{"name": "n", "secret": "s3cr3t-value"}""", _ => throw new ModuleFailure("bad s3cr3t-value"));
        Assert.DoesNotContain("s3cr3t-value", raw);
    }

    [Fact]
    public void Secrets_learned_at_run_time_are_scrubbed()
    {
        var (_, _, raw) = Run("""{"name": "n"}""", c =>
        {
            c.Result.Secrets.Add("from-disk-key");
            c.Result.Msg = "read from-disk-key";
        });
        Assert.DoesNotContain("from-disk-key", raw);
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
