using HpcWekaSlurm.Slurm.Munge;

namespace HpcWekaSlurm.SlurmInstall.Tests.Munge;

public class MungeKeyTests
{
    [Fact]
    public void Decode_accepts_base64_wrapped_over_several_lines()
    {
        var key = Enumerable.Range(0, 96).Select(i => (byte)i).ToArray();
        var wrapped = string.Join("\n  ", Convert.ToBase64String(key).Chunk(20).Select(c => new string(c)));

        Assert.Equal(key, MungeKey.Decode(wrapped));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("QUJD=")]
    public void Decode_rejects_invalid_base64_without_quoting_it(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => MungeKey.Decode(text));

        Assert.Contains("not valid base64", e.Message);
        Assert.DoesNotContain(text, e.Message);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(1025)]
    [InlineData(0)]
    public void Decode_rejects_keys_munged_would_refuse(int bytes)
    {
        var e = Assert.Throws<ArgumentException>(() => MungeKey.Decode(Convert.ToBase64String(new byte[bytes])));

        Assert.Contains($"{bytes} bytes", e.Message);
        Assert.Contains("32 to 1024", e.Message);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(1024)]
    public void Generate_makes_a_random_key_of_the_asked_size(int bytes)
    {
        var a = MungeKey.Generate(bytes);
        var b = MungeKey.Generate(bytes);

        Assert.Equal(bytes, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Fingerprint_is_the_sha256_hex_of_the_key_bytes()
    {
        // sha256 of 32 zero bytes.
        Assert.Equal("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925", MungeKey.Fingerprint(new byte[32]));
    }

    [Fact]
    public void Describe_shows_fingerprint_and_size_and_no_form_of_the_key()
    {
        var key = MungeKey.Generate(64);

        var text = MungeKey.Describe(key);

        Assert.Contains(MungeKey.Fingerprint(key), text);
        Assert.Contains("64 bytes", text);
        Assert.All(MungeKey.TextForms(key), form => Assert.DoesNotContain(form, text));
    }

    [Fact]
    public void TextForms_cover_base64_and_both_hex_cases()
    {
        var key = new byte[] { 0xAB, 0xCD, 0xEF, 0x01 };

        Assert.Equal(["q83vAQ==", "abcdef01", "ABCDEF01"], MungeKey.TextForms(key));
    }
}
