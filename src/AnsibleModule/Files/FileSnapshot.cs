namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>A file as the module found it: content and attributes, or absent.</summary>
public sealed record FileSnapshot(string Path, byte[]? Content, uint Uid, uint Gid, UnixFileMode Mode, bool IsSymlink, DateTime MTimeUtc)
{
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    public bool Exists => Content is not null;

    /// <summary>Reads the file at <paramref name="path"/>; follows a symlink unless <paramref name="followSymlink"/> is false.</summary>
    public static FileSnapshot Read(string path, bool followSymlink = true)
    {
        var stat = Posix.LStat(path);
        if (stat is null)
        {
            // Only "no such file" means absent: a file this user may not see is not a file to create.
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR
                ? new FileSnapshot(path, null, 0, 0, 0, false, default)
                : throw new ModuleFailure($"cannot read '{path}': {IoError.Describe(errno)}");
        }

        var isLink = (stat.Value.Mode & 0xF000) == 0xA000;
        if (isLink && followSymlink)
        {
            var target = ResolveLink(path);
            var inner = Read(target);
            return inner with { Path = target, IsSymlink = true };
        }

        if (isLink)
        {
            return new FileSnapshot(path, null, stat.Value.Uid, stat.Value.Gid, 0, true, default);
        }

        if ((stat.Value.Mode & 0xF000) == 0x4000)
        {
            throw new ModuleFailure($"path '{path}' is a directory, not a file");
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFailure($"cannot read '{path}': {IoError.Describe(e)}");
        }

        return new FileSnapshot(path, content, stat.Value.Uid, stat.Value.Gid, (UnixFileMode)(stat.Value.Mode & 0xFFF), false, File.GetLastWriteTimeUtc(path));
    }

    /// <summary>The final target of a symlink chain (the file a write must replace).</summary>
    public static string ResolveLink(string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
        return target?.FullName ?? path;
    }
}
