namespace HpcWekaSlurm.TopologyFixtures;

/// <summary>A private temp directory removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Directory.CreateDirectory(Path);
        // Daemons running as other users (munge) must be able to traverse it.
        File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hpcws-topo-" + Guid.NewGuid().ToString("N")[..12]);

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
