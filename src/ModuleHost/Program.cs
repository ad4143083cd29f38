using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Results;

namespace HpcWekaSlurm.ModuleHost;

/// <summary>
/// Runs the module named by the file it is run as (plugins/modules/NAME links here; Ansible's own
/// path runs it as AnsiballZ_NAME), or by its first argument (the fast path: BINARY NAME -).
/// </summary>
public static class Program
{
    private const string AnsiballzPrefix = "AnsiballZ_";

    public static int Main(string[] argv)
    {
        var invokedAs = Path.GetFileName(Environment.GetCommandLineArgs()[0]);
        if (invokedAs.StartsWith(AnsiballzPrefix, StringComparison.Ordinal))
        {
            invokedAs = invokedAs[AnsiballzPrefix.Length..];
        }

        if (ModuleTable.Entries.TryGetValue(invokedAs, out var module))
        {
            return module(argv);
        }

        if (argv.Length > 0 && ModuleTable.Entries.TryGetValue(argv[0], out module))
        {
            return module(argv[1..]);
        }

        var failure = new JsonObject
        {
            ["changed"] = false,
            ["failed"] = true,
            ["msg"] = $"no module named '{(argv.Length > 0 ? argv[0] : invokedAs)}': run this binary as one of " +
                      $"{string.Join(", ", ModuleTable.Entries.Keys.Order(StringComparer.Ordinal))}, or give the module name first",
        };
        using var stdout = StandardStreams.Output();
        stdout.Write(System.Text.Encoding.UTF8.GetBytes(ResultWriter.Serialize(failure) + "\n"));
        return 1;
    }
}
