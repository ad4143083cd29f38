using System.IO.Compression;

namespace HpcWekaSlurm.Slurm.Tests;

/// <summary>The example configs Debian's slurm-client package installs (gzip), read at test time.</summary>
public static class DebianExamples
{
    public const string Directory = "/usr/share/doc/slurm-client/examples";

    public static byte[] Read(string name)
    {
        var path = Path.Combine(Directory, name);
        Assert.True(File.Exists(path), $"{path} is missing: install the slurm-client package (apt-get install slurm-client)");
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
