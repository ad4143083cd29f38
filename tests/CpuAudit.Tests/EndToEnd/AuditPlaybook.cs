using System.Text.Json.Nodes;
using HpcWekaSlurm.ClusterHarness.Ansible;
using HpcWekaSlurm.CpuAudit.Tests.Support;
using HpcWekaSlurm.TopologyFixtures;

namespace HpcWekaSlurm.CpuAudit.Tests.EndToEnd;

/// <summary>
/// Gathered-tree stand-ins of two live nodes, each with its own sysfs tree plus the live files (the
/// WEKA guide's interleaved host with WEKA's client cgroup on OS CPUs 56,58,60,62; the a2-ultragpu-8g
/// with WEKA on core 47 and 1400 MiB of hugepages), and one ansible-playbook run over them, one task per case.
/// </summary>
public sealed class AuditPlaybook : IDisposable
{
    public AuditPlaybook()
    {
        Interleaved = new FixtureHost(Hosts.B);
        new LiveTree(Interleaved.Root).Mounts(LiveTree.CpusetV1, LiveTree.Wekafs("core=56,core=58,core=60,core=62,net=ib0")).V1("weka-client", "56,58,60,62");

        A2 = new FixtureHost(Hosts.A);
        new LiveTree(A2.Root).Mounts(LiveTree.CpusetV1, LiveTree.Wekafs("core=47,net=ib0,memory_mb=1400")).V1("weka-client", "47,95")
            .Meminfo("MemTotal:       1024000 kB\nHugePages_Total:     700\nHugepagesize:       2048 kB\nHugetlb:         1433600 kB\n");
        // A controller on loopback port 1, where nothing listens: scontrol fails at once, and never looks a controller up in DNS.
        UnreachableSlurmConf = A2.Scratch("slurm.conf");
        File.WriteAllText(UnreachableSlurmConf, "ClusterName=audit\nSlurmctldHost=localhost(127.0.0.1)\nSlurmctldPort=1\nNodeName=hws-audit-node CPUs=96\n");
        Binary = new ModuleBinary();
        Run = RunPlaybook();
    }

    public FixtureHost Interleaved { get; }

    public FixtureHost A2 { get; }

    public ModuleBinary Binary { get; }

    public string UnreachableSlurmConf { get; }

    /// <summary>The one playbook run every test reads its task from.</summary>
    public Task<PlaybookResult> Run { get; }

    private Task<PlaybookResult> RunPlaybook() =>
        LocalPlaybook.RunAsync(Playbook.Yaml($$$"""
        - hosts: localhost
          gather_facts: false
          tasks:
            - name: guide example written in OS ids
              weka_slurm_cpu_audit:
                root: {{{Interleaved.Root}}}
                scontrol_output: "{{ scontrol_os_ids }}"
              ignore_errors: true

            - name: guide example reported only
              weka_slurm_cpu_audit:
                root: {{{Interleaved.Root}}}
                scontrol_output: "{{ scontrol_os_ids }}"
                fail_on_overlap: false

            - name: guide example written in abstract ids
              weka_slurm_cpu_audit:
                root: {{{Interleaved.Root}}}
                scontrol_output: "{{ scontrol_abstract_ids }}"

            - name: guide example in check mode
              weka_slurm_cpu_audit:
                root: {{{Interleaved.Root}}}
                scontrol_output: "{{ scontrol_abstract_ids }}"
              check_mode: true

            - name: weka from the mount options
              weka_slurm_cpu_audit:
                root: {{{Interleaved.Root}}}
                scontrol_output: "{{ scontrol_abstract_ids }}"
                weka_cgroup: no-such-cgroup

            - name: integration guide CpuSpecList=47,95
              weka_slurm_cpu_audit:
                root: {{{A2.Root}}}
                scontrol_output: "{{ scontrol_a2 }}"

            - name: bad cgroup name
              weka_slurm_cpu_audit:
                root: {{{A2.Root}}}
                scontrol_output: "{{ scontrol_a2 }}"
                weka_cgroup: ../../etc
              ignore_errors: true

            - name: real scontrol without a controller
              weka_slurm_cpu_audit:
                root: {{{A2.Root}}}
                node_name: hws-audit-node
              environment:
                SLURM_CONF: {{{UnreachableSlurmConf}}}
              ignore_errors: true
        """),
        new PlaybookOptions
        {
            JsonOutput = true,
            ExtraArgs = ["-M", Binary.LibraryDir],
            ExtraVars = new JsonObject
            {
                ["scontrol_os_ids"] = Captured.Text(Captured.GuideOsIds),
                ["scontrol_abstract_ids"] = Captured.Text(Captured.GuideAbstractIds),
                ["scontrol_a2"] = Captured.Text(Captured.A2CpuSpecList4795),
            },
            Timeout = TimeSpan.FromMinutes(5),
        });

    public void Dispose()
    {
        Interleaved.Dispose();
        A2.Dispose();
        Binary.Dispose();
    }
}
