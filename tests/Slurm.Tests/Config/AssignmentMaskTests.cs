using System.Text.RegularExpressions;
using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.Slurm.Tests.Config;

/// <summary>
/// AssignmentMask replaced a Regex built from the keys at run time (it pulled .NET's regex engine,
/// about 0.7 MB, into the modules): it must mask exactly what that Regex masked.
/// </summary>
public class AssignmentMaskTests
{
    private const string Mask = "********";

    [Theory]
    [InlineData("StoragePass=secret\n")]
    [InlineData("#StoragePass=old password # with a comment\n")]
    [InlineData("storagepass += appended\r\n")]
    [InlineData("STORAGEPASS\t-=x")]
    [InlineData("StoragePass \t *= a=b=c\nStorageUser=slurm\n")]
    [InlineData("StorageUser=slurm # StoragePass=hidden in a comment\n")]
    [InlineData("MyStoragePass=inside a longer key\n")]
    [InlineData("StoragePassword=other key\n")]
    [InlineData("StoragePass\n=not on the same line\n")]
    [InlineData("StoragePass: no equals sign\n")]
    [InlineData("A=1 \\\nStoragePass=2 \\\nStoragePass=3\n")]
    [InlineData("StoragePass=StoragePass=twice\r\nStoragePass=\n")]
    [InlineData("")]
    [InlineData("StoragePas")]
    public void Masks_what_the_regex_it_replaced_masked(string text)
    {
        string[] keys = ["StoragePass", "StorageUser"];

        Assert.Equal(RegexMask(text, keys), AssignmentMask.Apply(text, keys, Mask));
    }

    [Fact]
    public void The_first_key_that_matches_at_a_position_wins_as_in_an_alternation()
    {
        string[] keys = ["Pass", "PassWord"];
        const string text = "PassWord=x\nPass=y\n";

        Assert.Equal(RegexMask(text, keys), AssignmentMask.Apply(text, keys, Mask));
        Assert.Equal("PassWord=" + Mask + "\nPass=" + Mask + "\n", AssignmentMask.Apply(text, keys, Mask));
    }

    private static string RegexMask(string text, string[] keys) =>
        new Regex($"((?:{string.Join('|', keys.Select(Regex.Escape))})[ \\t]*[-+*/]?=)[^\\r\\n]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            .Replace(text, m => m.Groups[1].Value + Mask);
}
