namespace HpcWekaSlurm.Slurm.Tests;

/// <summary>A scratch directory removed after the test.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree() => Path = Directory.CreateTempSubdirectory("slurm-tests-").FullName;

    public string Path { get; }

    /// <summary>Creates a file (and its directories) under the tree; returns its full path.</summary>
    public string File(string relative, string content = "")
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
