using System.Text.Json.Nodes;
using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>A module on the fast path behaves for the user exactly like a module Ansible runs itself.</summary>
[Collection(AnsibleCollection.Name)]
public sealed class ModuleContractTests(DockerEnvironment docker)
{
    public static TheoryData<string> Kinds => ["local", "docker"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Check_mode_and_diff_reach_the_module(string kind)
    {
        using var target = Target.Create(kind, docker);
        var run = Playbook.Run(target, string.Join('\n',
            Cache.ServiceConfTask("create"),
            Cache.ServiceConfTask("would change", settings: "{isolate_cpusets: true}") + "\n  check_mode: true\n  diff: true")).EnsureSuccess();

        var task = run.Task("would change");
        Assert.True(task.Result["changed"]!.GetValue<bool>());
        Assert.Contains("-isolate_cpusets=false", task.Text);
        Assert.Contains("+isolate_cpusets=true", task.Text);
        Assert.Single(task.Commands);
        Assert.Equal("isolate_cpusets=false\n", target.Shell($"cat {target.Scratch}/service.conf"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Args_reach_the_binary_on_stdin_with_ansible_keys_and_the_task_environment(string kind)
    {
        using var target = Target.Create(kind, docker);
        Playbook.Run(target, Cache.ServiceConfTask("cache it")).EnsureSuccess();
        target.Shell(Cache.ReplaceCachedWith(target.RootCacheDir, Cache.Probe));

        var run = Playbook.Run(target, """
            - name: probe
              hpc.weka_slurm.weka_service_conf: {path: /etc/x.conf, settings: {a: 1}}
              environment: {HPC_PROBE: "from the task"}
              check_mode: true
              diff: true
            """).EnsureSuccess();

        var result = run.Task("probe").Result;
        // The multi-call binary is told the module first, then reads its args from stdin.
        Assert.Equal("weka_service_conf -", result["argv"]!.GetValue<string>());
        Assert.Equal("from the task", result["probe_env"]!.GetValue<string>());
        var args = JsonNode.Parse(Convert.FromBase64String(result["stdin_base64"]!.GetValue<string>()))!.AsObject();
        Assert.Equal("/etc/x.conf", args["path"]!.GetValue<string>());
        Assert.Equal(1, args["settings"]!["a"]!.GetValue<int>());
        Assert.True(args["_ansible_check_mode"]!.GetValue<bool>());
        Assert.True(args["_ansible_diff"]!.GetValue<bool>());
        Assert.False(args["_ansible_no_log"]!.GetValue<bool>());
        Assert.Equal(3, args["_ansible_verbosity"]!.GetValue<int>());
        Assert.Equal("hpc.weka_slurm.weka_service_conf", args["_ansible_module_name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Results_get_the_stock_processing_of_warnings_deprecations_internal_keys_and_facts(string kind)
    {
        using var target = Target.Create(kind, docker);
        Playbook.Run(target, Cache.ServiceConfTask("cache it")).EnsureSuccess();
        target.Shell(Cache.ReplaceCachedWith(target.RootCacheDir, Cache.Probe));

        var run = Playbook.Run(target, """
            - name: probe
              hpc.weka_slurm.weka_service_conf: {}
              register: probed
            - name: show
              debug: {msg: "fact={{ probe_fact }} internal={{ '_ansible_probe' in probed }} parsed={{ probed.failed }}"}
            """).EnsureSuccess();

        var probe = run.Task("probe");
        Assert.Contains("probe warning", probe.Warnings);
        Assert.Contains("Removed unexpected internal key in module return: _ansible_probe", probe.Warnings);
        Assert.Contains("probe deprecation", probe.Text);
        Assert.Null(probe.Result["_ansible_probe"]);
        Assert.Equal("fact=seen internal=False parsed=False", run.Task("show").Result["msg"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Output_that_is_not_json_is_a_module_failure(string kind)
    {
        using var target = Target.Create(kind, docker);
        Playbook.Run(target, Cache.ServiceConfTask("cache it")).EnsureSuccess();
        target.Shell(Cache.ReplaceCachedWith(target.RootCacheDir, "echo 'this is not json'; echo 'some error' >&2; exit 3"));

        var run = Playbook.Run(target, "- name: garbage\n  hpc.weka_slurm.weka_service_conf: {}");

        Assert.NotEqual(0, run.ExitCode);
        var result = run.Task("garbage").Result;
        Assert.StartsWith("MODULE FAILURE", result["msg"]!.GetValue<string>());
        Assert.Equal("this is not json\n", result["module_stdout"]!.GetValue<string>());
        Assert.Equal("some error\n", result["module_stderr"]!.GetValue<string>());
        Assert.Equal(3, result["rc"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_log_task_arguments_never_appear_in_the_output(string kind)
    {
        using var target = Target.Create(kind, docker);
        var run = Playbook.Run(target, Cache.ServiceConfTask("secret", settings: "{token: s3cr3t-value}") + "\n  no_log: true").EnsureSuccess();

        Assert.Single(run.Task("secret").Uploads);
        Assert.DoesNotContain("s3cr3t-value", run.Output);
        Assert.Contains("token=s3cr3t-value", target.Shell($"cat {target.Scratch}/service.conf"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Loop_items_share_one_upload_and_run_one_command_each(string kind)
    {
        using var target = Target.Create(kind, docker);
        var run = Playbook.Run(target, """
            - name: loop
              hpc.weka_slurm.weka_service_conf: {path: "{{ scratch }}/{{ item }}.conf", create: true}
              loop: [a, b, c]
            """).EnsureSuccess();

        var task = run.Task("loop");
        Assert.Equal(3, task.Results.Count);
        Assert.All(task.Results, r => Assert.True(r["changed"]!.GetValue<bool>()));
        Assert.Single(task.Uploads);
        Assert.Equal(4, task.CachedRuns.Count); // the first item's miss, then one run per item
        Assert.Equal(["a.conf", "b.conf", "c.conf"], target.List(target.Scratch));
    }

    [Fact]
    public void Delegate_to_runs_the_module_and_caches_it_on_the_delegated_host()
    {
        using var node = Target.Create("docker", docker);
        var run = Playbook.Run(node, """
            - name: delegated
              hpc.weka_slurm.weka_service_conf: {path: "{{ scratch }}/delegated.conf", create: true}
              delegate_to: target
            """, hosts: "controller", extraHosts: "controller ansible_connection=local scratch=/tmp/scratch").EnsureSuccess();

        Assert.True(run.Task("delegated").Result["changed"]!.GetValue<bool>());
        Assert.Equal("isolate_cpusets=false\n", node.Shell($"cat {node.Scratch}/delegated.conf"));
        Assert.Single(node.List(node.RootCacheDir));
        Assert.False(Directory.Exists(Path.Combine(node.ControllerEnv["HOME"], ".ansible", "hpc_weka_slurm")));
    }

    [Fact]
    public void A_host_of_an_architecture_without_a_build_fails_naming_it()
    {
        using var node = Target.Create("docker", docker);
        node.Shell("printf '#!/bin/sh\\necho riscv64\\n' > /usr/local/bin/uname && chmod 755 /usr/local/bin/uname");

        var run = Playbook.Run(node, Cache.ServiceConfTask("riscv"));

        var result = run.Task("riscv").Result;
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("fatal: [target]: FAILED!", run.Task("riscv").Text);
        Assert.Equal("hpc.weka_slurm.weka_service_conf has no build for this host's architecture 'riscv64' (built for: aarch64, x86_64)",
            result["msg"]!.GetValue<string>());
        Assert.Empty(node.List(node.RootCacheDir));
    }
}
