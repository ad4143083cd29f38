using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Modules.SlurmNodeFacts;

namespace HpcWekaSlurm.Topology.Tests.Fixtures;

/// <summary>Runs the slurm_node_facts module in-process the way Ansible runs the binary: an args file in, one JSON object out.</summary>
internal static class ModuleHarness
{
    public static (int Code, JsonObject Result) Run(JsonObject args)
    {
        using var dir = new TempDir();
        var argsFile = dir.Sub("args");
        File.WriteAllText(argsFile, args.ToJsonString());
        using var stdout = new MemoryStream();
        var code = ModuleRunner.Run([argsFile], Options.ModuleName, Options.Spec, Program.Execute, () => Stream.Null, () => new KeepOpen(stdout));
        return (code, (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(stdout.ToArray()))!);
    }

    public static JsonObject Facts(JsonObject result) =>
        result["ansible_facts"]?["slurm_node"] as JsonObject ?? throw new Xunit.Sdk.XunitException($"no ansible_facts.slurm_node in {result.ToJsonString()}");

    /// <summary>The runner disposes the stream it writes to; keep the buffer readable.</summary>
    private sealed class KeepOpen(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
