namespace HpcWekaSlurm.Bench;

/// <summary>
/// One module of part 2 and the builtin task a competent admin would write for the same work. Task
/// number i (1..N) manages its own file, so every task of the changing run changes something and
/// every task of the rerun finds its file as wanted.
/// </summary>
/// <param name="Module">The hpc.weka_slurm module.</param>
/// <param name="Builtin">The builtin module it is compared with.</param>
/// <param name="HpcTask">Task i with the collection's module (YAML flow mapping after the module name).</param>
/// <param name="BuiltinTask">Task i done with the builtin module.</param>
/// <param name="Reset">Shell script on the host that undoes the work of N tasks in DIR (before each changing run); null: no changing run.</param>
/// <param name="Files">Shell glob, relative to DIR, of the files the tasks manage (compared between the two ways).</param>
public sealed record TaskCase(
    string Module, string Builtin, Func<int, string> HpcTask, Func<int, string> BuiltinTask, Func<string, int, string>? Reset, string Files)
{
    /// <summary>Extra-vars names every playbook gets: see <see cref="TaskBench"/>.</summary>
    private const string Dir = "{{ bench_dir }}";

    public static IReadOnlyList<TaskCase> All { get; } =
    [
        new(
            "weka_service_conf", "community.general.ini_file",
            i => $"hpc.weka_slurm.weka_service_conf: {{path: \"{Dir}/svc-{i}.conf\"}}",
            i => $"community.general.ini_file: {{path: \"{Dir}/svc-{i}.conf\", section: agent, option: isolate_cpusets, value: \"false\"}}",
            (dir, n) => ForEach(dir, n, "printf '# WEKA agent configuration\\n[agent]\\nport = 14000\\nisolate_cpusets = true\\ncgroups_mode = auto\\n' > svc-$i.conf"),
            "svc-*.conf"),
        new(
            "slurm_conf", "ansible.builtin.template",
            i => $"hpc.weka_slurm.slurm_conf: {{path: \"{Dir}/slurm-{i}.conf\", settings: \"{{{{ slurm_settings }}}}\", nodes: \"{{{{ slurm_nodes }}}}\", " +
                 "partitions: \"{{ slurm_partitions }}\", exclusive_nodes: true, exclusive_partitions: true, validate: false, slurm_version: \"22.05\"}",
            i => $"ansible.builtin.template: {{src: \"{{{{ bench_templates }}}}/slurm.conf.j2\", dest: \"{Dir}/slurm-{i}.conf\", mode: \"0644\"}}",
            (dir, n) => $"rm -f {dir}/slurm-*.conf",
            "slurm-*.conf"),
        new(
            "slurm_cgroup_conf", "ansible.builtin.template",
            i => $"hpc.weka_slurm.slurm_cgroup_conf: {{path: \"{Dir}/cgroup-{i}.conf\", constrain_cores: true, constrain_ram_space: true, constrain_devices: true, slurm_version: \"22.05\"}}",
            i => $"ansible.builtin.template: {{src: \"{{{{ bench_templates }}}}/cgroup.conf.j2\", dest: \"{Dir}/cgroup-{i}.conf\", mode: \"0644\"}}",
            (dir, n) => $"rm -f {dir}/cgroup-*.conf",
            "cgroup-*.conf"),
        new(
            "munge_key", "ansible.builtin.copy",
            i => $"hpc.weka_slurm.munge_key: {{path: \"{Dir}/munge/key-{i}\", content: \"{{{{ munge_key_b64 }}}}\", force: true}}",
            i => $"ansible.builtin.copy: {{src: \"{{{{ munge_key_file }}}}\", dest: \"{Dir}/munge/key-{i}\", owner: munge, group: munge, mode: \"0400\"}}",
            (dir, n) => $"mkdir -p {dir}/munge && rm -f {dir}/munge/key-*",
            "munge/key-*"),
        new(
            "wekafs_mount", "ansible.posix.mount",
            i => $"hpc.weka_slurm.wekafs_mount: {{path: /mnt/weka, filesystem: fs1, backends: [backend-host-0, backend-host-1, backend-host-2], " +
                 $"mode: dpdk, cores: [1], net: [eth0], state: present, fstab: \"{Dir}/fstab-{i}\"}}",
            i => "ansible.posix.mount: {path: /mnt/weka, src: \"backend-host-0,backend-host-1,backend-host-2/fs1\", fstype: wekafs, " +
                 "opts: \"core=1,net=eth0,x-systemd.after=weka-agent.service,x-systemd.mount-timeout=infinity,_netdev\", " +
                 $"state: present, fstab: \"{Dir}/fstab-{i}\"}}",
            (dir, n) => ForEach(dir, n, "printf 'UUID=0b7c4a53 / ext4 errors=remount-ro 0 1\\n' > fstab-$i"),
            "fstab-*"),
        // Packages are installed already (an unchanged rerun): the installing run is InstallCase.
        new(
            "slurm_packages", "ansible.builtin.apt",
            _ => "hpc.weka_slurm.slurm_packages: {roles: [compute]}",
            _ => "ansible.builtin.apt: {name: [slurm-client, slurmd, munge], state: present}",
            null,
            string.Empty),
    ];

    /// <summary>The floor: one remote command per task and nothing else.</summary>
    public static string RawTask => "ansible.builtin.raw: \"true\"";

    private static string ForEach(string dir, int n, string body) => $"cd {dir} && for i in $(seq 1 {n}); do {body}; done";
}
