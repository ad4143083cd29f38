using System.Security.Cryptography;
using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>
/// The controller's cache of binary hashes (plugin_utils/module_binaries.py): a task's command names the
/// binary by its sha256, so a stale hash would run an old build. Driven through Debian's python3.
/// </summary>
public sealed class HashCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hpc-hashcache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Hash_is_remembered_per_file_version_and_a_same_size_rewrite_is_hashed_again()
    {
        var binary = Path.Combine(_dir, "module");
        File.WriteAllText(binary, "build one");
        Assert.Equal(Sha256(binary), CachedSha256(binary));
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "cache", "hpc_weka_slurm", "sha256")));

        // Same size, same mtime: only the ctime (which no user can set back) tells the versions apart.
        var mtime = File.GetLastWriteTimeUtc(binary);
        File.WriteAllText(binary, "build two");
        File.SetLastWriteTimeUtc(binary, mtime);

        Assert.Equal(Sha256(binary), CachedSha256(binary));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "cache", "hpc_weka_slurm", "sha256")).Length);
    }

    [Fact]
    public void Hash_is_computed_when_the_cache_directory_cannot_be_written()
    {
        var binary = Path.Combine(_dir, "module");
        File.WriteAllText(binary, "build");
        File.WriteAllText(Path.Combine(_dir, "cache"), "a file where the cache directory would be");

        Assert.Equal(Sha256(binary), CachedSha256(binary));
    }

    private string CachedSha256(string path) => Proc.Run("/usr/bin/python3",
            ["-c", "import sys, module_binaries; print(module_binaries.cached_sha256(sys.argv[1]))", path],
            env: new Dictionary<string, string>
            {
                ["PYTHONPATH"] = Path.Combine(Repo.Root, "collection", "plugins", "plugin_utils"),
                ["XDG_CACHE_HOME"] = Path.Combine(_dir, "cache"),
            })
        .EnsureSuccess("cached_sha256").Stdout.Trim();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
