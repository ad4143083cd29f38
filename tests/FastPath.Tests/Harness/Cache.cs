namespace FastPath.Tests.Harness;

/// <summary>Helpers on a host's binary cache and on the collection's module binaries.</summary>
public static class Cache
{
    public const string Module = "weka_service_conf";

    /// <summary>A task running the real module on a file under the host's scratch dir.</summary>
    public static string ServiceConfTask(string name, string file = "service.conf", string settings = "{isolate_cpusets: false}") =>
        $"- name: {name}\n  hpc.weka_slurm.weka_service_conf: {{path: \"{{{{ scratch }}}}/{file}\", create: true, settings: {settings}}}";

    /// <summary>The cache file name of a binary: FILE.ARCH.SHA256, FILE being the name of the file a module link points to.</summary>
    public static string EntryName(string binaryPath)
    {
        var real = new FileInfo(binaryPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? binaryPath;
        return $"{Path.GetFileName(real)}.x86_64.{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(real)))}";
    }

    /// <summary>Path on the host of the cached build of the installed module.</summary>
    public static string CachedFile(string cacheDir) => $"{cacheDir}/{EntryName(InstalledBinary(Repo.Collections))}";

    public static string InstalledBinary(string collections) => Path.Combine(Repo.CollectionDir(collections), "plugins", "modules", Module);

    /// <summary>A private copy of the installed collection, for tests that change a binary.</summary>
    public static string CopyCollections(string destination)
    {
        Proc.Sh($"mkdir -p '{destination}' && cp -a '{Repo.Collections}/.' '{destination}/'");
        return destination;
    }

    /// <summary>
    /// Shell that overwrites the cached module in place (same name, owner, mode) with a script: the
    /// cache trusts a file its user owns, so this is how the tests see what a cached binary receives.
    /// </summary>
    public static string ReplaceCachedWith(string cacheDir, string script) =>
        $"cat > {CachedFile(cacheDir)} <<'PROBE'\n#!/bin/sh\n{script}\nPROBE";

    /// <summary>
    /// A module double that reports its argv, its stdin (base64: the callback would strip the
    /// _ansible_* keys of a nested object), one environment variable, and sample result keys.
    /// </summary>
    public const string Probe = """
        printf '{"changed": false, "argv": "%s", "probe_env": "%s", "stdin_base64": "%s", "warnings": ["probe warning"], "deprecations": [{"msg": "probe deprecation", "version": "9.9.9", "collection_name": "hpc.weka_slurm"}], "_ansible_probe": 1, "ansible_facts": {"probe_fact": "seen"}}\n' "$*" "${HPC_PROBE:-}" "$(base64 -w0)"
        """;
}
