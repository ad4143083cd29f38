namespace HpcWekaSlurm.Topology.Tests.Oracle;

/// <summary>hwloc topologies for slurmd's HWLOC_XMLFILE, built by hwloc's own lstopo.</summary>
internal static class Lstopo
{
    private static string Program => File.Exists("/usr/bin/lstopo-no-graphics") ? "/usr/bin/lstopo-no-graphics" : "lstopo";

    /// <summary>hwloc's Linux backend reading the fixture tree (lstopo --input DIR): the very files the module reads.</summary>
    public static string FromSysfs(string root, string xml)
    {
        Commands.Run(Program, ["--input", root, "--of", "xml", xml]);
        return xml;
    }

    /// <summary>
    /// hwloc's synthetic topology "pack:S core:C pu:T(indexes=LIST)" (how platform-facts.md measured the ground truth),
    /// LIST being the OS ids in the description's socket, core, thread order.
    /// </summary>
    public static string Synthetic(HostDescription host, int sockets, int cores, int threads, string xml)
    {
        var indexes = string.Join(',', host.Cpus.Select(c => c.Os));
        Commands.Run(Program, ["--input", $"pack:{sockets} core:{cores} pu:{threads}(indexes={indexes})", "--of", "xml", xml]);
        return xml;
    }
}
