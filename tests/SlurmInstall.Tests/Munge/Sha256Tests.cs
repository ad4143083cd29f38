using System.Text;
using HpcWekaSlurm.Slurm.Munge;

namespace HpcWekaSlurm.SlurmInstall.Tests.Munge;

/// <summary>The managed SHA-256 behind key fingerprints: FIPS 180-4's examples, and .NET's (OpenSSL's) SHA-256 at every padding case.</summary>
public class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Hash_gives_the_standards_example_digests(string message, string digest)
    {
        Assert.Equal(digest, Convert.ToHexStringLower(Sha256.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Hash_equals_the_platform_sha256_for_every_length_up_to_a_munge_key_and_beyond()
    {
        var random = new Random(7);
        for (var length = 0; length <= 1100; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.Hash(data));
        }
    }

    [Fact]
    public void Fingerprint_is_the_lowercase_hex_sha256_of_the_key()
    {
        var key = Enumerable.Range(0, 1024).Select(i => (byte)(i * 7)).ToArray();

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key)), MungeKey.Fingerprint(key));
    }
}
