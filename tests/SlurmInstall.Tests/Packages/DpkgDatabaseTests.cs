using System.Diagnostics;
using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

/// <summary>
/// dpkg's database read in place must give what dpkg-query gives: status stanzas in the format dpkg
/// writes (taken from this project's Debian 12 build host, plus the states dpkg leaves behind), and
/// this host's real database against its real dpkg-query.
/// </summary>
public sealed class DpkgDatabaseTests : IDisposable
{
    // Stanzas as /var/lib/dpkg/status holds them: an installed daemon, a held package, a removed one
    // with its conffiles, an interrupted install, a Multi-Arch: same library installed for two
    // architectures, an epoch, and a description whose continuation lines look like fields.
    private const string Status = """
        Package: slurmd
        Status: install ok installed
        Priority: optional
        Section: admin
        Installed-Size: 593
        Maintainer: Debian HPC Team <debian-hpc@lists.debian.org>
        Architecture: amd64
        Source: slurm-wlm
        Version: 22.05.8-4+deb12u3
        Depends: libc6 (>= 2.34), libhwloc15 (>= 2.9.0), slurm-wlm-basic-plugins (= 22.05.8-4+deb12u3), ucf, munge
        Conffiles:
         /etc/default/slurmd 6baf15ba533e0cae154c0f551cf67e86
         /etc/init.d/slurmd 0d7863a9000e14c091391d29838f0b8f
        Description: SLURM compute node daemon
         This package contains the compute node demon slurmd.
        Homepage: https://slurm.schedmd.com

        Package: munge
        Status: hold ok installed
        Priority: optional
        Section: admin
        Installed-Size: 379
        Maintainer: Gennaro Oliva <oliva.g@na.icar.cnr.it>
        Architecture: amd64
        Version: 0.5.15-2+deb12u1
        Description: authentication service to create and validate credentials
         Package: not-a-package
         Status: install ok installed
         Version: 9.9

        Package: slurmctld
        Status: deinstall ok config-files
        Priority: optional
        Section: admin
        Architecture: amd64
        Source: slurm-wlm
        Version: 22.05.8-4+deb12u3
        Conffiles:
         /etc/default/slurmctld 1f1bd8d0dbbd4cbbd41a5e0e0e4bd4a6 obsolete

        Package: slurmdbd
        Status: install ok half-configured
        Architecture: amd64
        Source: slurm-wlm
        Version: 22.05.8-4+deb12u3

        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Multi-Arch: same
        Source: glibc
        Version: 2.36-9+deb12u14

        Package: libc6
        Status: install ok installed
        Architecture: i386
        Multi-Arch: same
        Source: glibc
        Version: 2.36-9+deb12u14

        Package: zlib1g
        Status: install ok installed
        Architecture: amd64
        Multi-Arch: same
        Source: zlib
        Version: 1:1.2.13.dfsg-1
        """;

    private readonly DirectoryInfo _admin = Directory.CreateTempSubdirectory("hws-dpkg-");

    public void Dispose() => _admin.Delete(recursive: true);

    [Fact]
    public void Installed_counts_installed_and_held_packages_not_removed_or_half_configured_ones()
    {
        var installed = Database(Status).Installed(["slurmd", "munge", "slurmctld", "slurmdbd", "nosuchpkg"])!;

        Assert.Equal(new Dictionary<string, string> { ["slurmd"] = "22.05.8-4+deb12u3", ["munge"] = "0.5.15-2+deb12u1" }, installed);
    }

    [Fact]
    public void Installed_gives_versions_as_dpkg_writes_them_with_epoch_and_one_entry_per_multiarch_name()
    {
        var installed = Database(Status).Installed(["libc6", "zlib1g"])!;

        Assert.Equal("2.36-9+deb12u14", installed["libc6"]);
        Assert.Equal("1:1.2.13.dfsg-1", installed["zlib1g"]);
    }

    [Fact]
    public void Continuation_lines_are_never_read_as_fields()
    {
        Assert.Empty(Database(Status).Installed(["not-a-package"])!);
    }

    [Fact]
    public void Names_match_exactly_as_dpkg_query_matches_them()
    {
        Assert.Empty(Database(Status).Installed(["SLURMD", "Munge"])!);
    }

    [Fact]
    public void The_last_stanza_counts_without_a_trailing_newline_and_lines_longer_than_a_read_block_are_whole()
    {
        var longDescription = "Description: x\n" + string.Concat(Enumerable.Repeat(" " + new string('y', 100_000) + "\n", 3));
        var status = $"Package: big\nStatus: install ok installed\n{longDescription}Version: 1.0-1\n\nPackage: last\nStatus: install ok installed\nVersion: 2.0-1";

        var installed = Database(status).Installed(["big", "last"])!;

        Assert.Equal("1.0-1", installed["big"]);
        Assert.Equal("2.0-1", installed["last"]);
    }

    [Fact]
    public void Stanzas_of_every_size_across_read_blocks_give_what_splitting_the_text_gives()
    {
        // Blank lines land at every offset of the 64 KiB read blocks, inside wanted and skipped stanzas alike.
        var random = new Random(11);
        var states = new[] { "install ok installed", "hold ok installed", "deinstall ok config-files", "install ok half-configured" };
        var stanzas = Enumerable.Range(0, 4000).Select(i => $"Package: p{i % 1500}\nStatus: {states[random.Next(states.Length)]}\n" +
            $"Description: x\n{string.Concat(Enumerable.Repeat(" " + new string('d', random.Next(1, 120)) + "\n", random.Next(0, 12)))}" +
            $"Version: {i}.{random.Next(100)}-1\n").ToList();
        var text = string.Join("\n", stanzas);
        var wanted = Enumerable.Range(0, 1500).Where(i => i % 7 == 0).Select(i => $"p{i}").Append("p-none").ToList();
        var expected = new Dictionary<string, string>();
        foreach (var fields in stanzas.Select(st => st.Split('\n').Where(l => l.Length > 0 && l[0] != ' ').ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 2)..])))
        {
            if (wanted.Contains(fields["Package"]) && fields["Status"].EndsWith(" installed", StringComparison.Ordinal))
            {
                expected.TryAdd(fields["Package"], fields["Version"]);
            }
        }

        var installed = Database(text).Installed(wanted)!;

        Assert.True(expected.Count > 100);
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), installed.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("slurm*")]
    [InlineData("slurmd:amd64")]
    [InlineData("slurm[d]")]
    public void Patterns_and_arch_qualified_names_are_left_to_dpkg_query(string name)
    {
        Assert.Null(Database(Status).Installed([name]));
    }

    [Fact]
    public void A_journal_of_unmerged_updates_sends_callers_to_dpkg_query()
    {
        Database(Status);
        Directory.CreateDirectory(Path.Combine(_admin.FullName, "updates"));
        File.WriteAllText(Path.Combine(_admin.FullName, "updates", "tmp.i"), string.Empty);
        Assert.NotNull(DpkgDatabase.Open(_admin.FullName));

        File.WriteAllText(Path.Combine(_admin.FullName, "updates", "0000"), "Package: slurmd\nStatus: install ok unpacked\n");

        Assert.Null(DpkgDatabase.Open(_admin.FullName));
    }

    [Fact]
    public void A_missing_status_file_sends_callers_to_dpkg_query()
    {
        Assert.Null(DpkgDatabase.Open(_admin.FullName));
    }

    [Fact]
    public void VersionOwning_follows_an_alternatives_link_to_the_file_the_package_lists()
    {
        var sbin = Directory.CreateDirectory(Path.Combine(_admin.FullName, "root", "usr", "sbin")).FullName;
        var alternatives = Directory.CreateDirectory(Path.Combine(_admin.FullName, "root", "etc", "alternatives")).FullName;
        var real = Path.Combine(sbin, "slurmd-wlm");
        File.WriteAllText(real, string.Empty);
        File.CreateSymbolicLink(Path.Combine(alternatives, "slurmd"), real);
        File.CreateSymbolicLink(Path.Combine(sbin, "slurmd"), Path.Combine(alternatives, "slurmd"));
        var database = Database(Status, ("slurmd", [sbin, real]), ("slurmdbd", [sbin, Path.Combine(sbin, "slurmdbd")]));

        Assert.Equal("22.05.8-4+deb12u3", database.VersionOwning("slurmd", Path.Combine(sbin, "slurmd")));
        Assert.Null(database.VersionOwning("slurmctld", Path.Combine(sbin, "slurmd")));
    }

    [Fact]
    public void VersionOwning_is_null_for_a_file_the_package_did_not_install_or_a_package_not_installed()
    {
        var sbin = Directory.CreateDirectory(Path.Combine(_admin.FullName, "root", "usr", "local", "sbin")).FullName;
        File.WriteAllText(Path.Combine(sbin, "slurmd"), string.Empty);
        var database = Database(Status, ("slurmd", ["/usr/sbin", "/usr/sbin/slurmd-wlm"]), ("slurmdbd", [Path.Combine(sbin, "slurmdbd")]));

        // Slurm built from source in /usr/local: its own -V must answer.
        Assert.Null(database.VersionOwning("slurmd", Path.Combine(sbin, "slurmd")));
        // Half-configured: not installed, whatever its list says.
        Assert.Null(database.VersionOwning("slurmdbd", Path.Combine(sbin, "slurmdbd")));
    }

    [Fact]
    public void This_hosts_database_gives_what_its_dpkg_query_gives_for_every_package()
    {
        var names = File.ReadLines("/var/lib/dpkg/status")
            .Where(l => l.StartsWith("Package: ", StringComparison.Ordinal))
            .Select(l => l["Package: ".Length..].Trim())
            .Distinct()
            .Append("nosuchpkg-hpcws")
            .ToList();

        var fromDatabase = DpkgDatabase.ForHost()!.Installed(names)!;
        var fromQuery = PackageQueries.ParseDpkgQuery(DpkgQuery(names));

        Assert.True(fromQuery.Count > 100, $"dpkg-query listed only {fromQuery.Count} installed packages");
        Assert.Equal(fromQuery.OrderBy(kv => kv.Key, StringComparer.Ordinal), fromDatabase.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private DpkgDatabase Database(string status, params (string Package, string[] Files)[] lists)
    {
        File.WriteAllText(Path.Combine(_admin.FullName, "status"), status.Replace("\r\n", "\n"));
        var info = Directory.CreateDirectory(Path.Combine(_admin.FullName, "info"));
        foreach (var (package, files) in lists)
        {
            File.WriteAllLines(Path.Combine(info.FullName, package + ".list"), files);
        }

        return DpkgDatabase.Open(_admin.FullName)!;
    }

    private static string DpkgQuery(IEnumerable<string> names)
    {
        var info = new ProcessStartInfo("dpkg-query") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-W", "-f", PackageQueries.DpkgFormat, "--" }.Concat(names))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal("dpkg-query: no packages found matching nosuchpkg-hpcws\n", stderr.Result);
        return stdout;
    }
}
