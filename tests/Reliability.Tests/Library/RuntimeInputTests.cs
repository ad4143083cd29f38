using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;

namespace HpcWekaSlurm.Reliability.Tests.Library;

/// <summary>Runtime fixes for inputs the generated tests found crashing modules (each was an "unexpected error").</summary>
public class RuntimeInputTests
{
    private static readonly ArgumentSpec Spec = new ArgumentSpec().Add("path", ArgType.Path).Add("name", ArgType.Str);

    private static JsonObject Run(string[] argv, byte[] stdin)
    {
        var output = new MemoryStream();
        ModuleRunner.Run(argv, "test", Spec, c => c.Result.Msg = c.Params.Str("name"), () => new MemoryStream(stdin), () => output);
        return JsonNode.Parse(output.ToArray())!.AsObject();
    }

    [Fact]
    public void An_empty_args_file_path_fails_cleanly()
    {
        var result = Run([""], []);

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.Contains("cannot read the arguments from ''", result["msg"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0', (byte)'"', (byte)'}' })]
    public void Strings_that_are_not_valid_unicode_fail_as_invalid_json(byte[] args)
    {
        var result = Run(["-"], args);

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.StartsWith("the arguments are not valid JSON", result["msg"]!.GetValue<string>());
    }

    [Fact]
    public void A_path_with_a_nul_character_fails_naming_the_option()
    {
        var result = Run(["-"], Encoding.UTF8.GetBytes("{\"path\": \"/etc/x\\u0000y\"}"));

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.Equal("option 'path': expected a path, got a string with a NUL character", result["msg"]!.GetValue<string>());
    }
}
