using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>Reads files of a host under a root directory ("/" on the host itself, or a tree gathered from it).</summary>
public sealed class HostFiles(string root)
{
    private readonly string _root = root.TrimEnd('/');

    /// <summary>The path of <paramref name="absolute"/> (a path on the host, e.g. /proc/meminfo) under the root.</summary>
    public string Full(string absolute) => Path.Join(_root, absolute);

    public bool DirectoryExists(string absolute) => Directory.Exists(Full(absolute));

    /// <summary>The file's text (UTF-8), or null when it does not exist; any other failure is an <see cref="AuditException"/>.</summary>
    public string? Text(string absolute) => Bytes(absolute) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The file's bytes, or null when it does not exist; any other failure is an <see cref="AuditException"/>.</summary>
    public byte[]? Bytes(string absolute)
    {
        try
        {
            return File.ReadAllBytes(Full(absolute));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"cannot read {Full(absolute)}: {e.Message}");
        }
    }

    /// <summary>A CPU list file (cpuset.cpus...), or null when it does not exist.</summary>
    public IReadOnlyList<int>? CpuListAt(string absolute)
    {
        if (Text(absolute) is not { } text)
        {
            return null;
        }

        try
        {
            return CpuList.Parse(text);
        }
        catch (FormatException e)
        {
            throw new AuditException($"{Full(absolute)}: {e.Message}");
        }
    }
}
