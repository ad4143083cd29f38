using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>Where the fast path cannot or must not run, Ansible's stock module execution does, with the same result.</summary>
[Collection(AnsibleCollection.Name)]
public sealed class FallbackTests(DockerEnvironment docker)
{
    public static TheoryData<string> Kinds => ["local", "docker"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fast_path_variable_false_runs_the_module_the_stock_way(string kind)
    {
        using var target = Target.Create(kind, docker);
        var run = Playbook.Run(target, Cache.ServiceConfTask("stock"), vars: "hpc_weka_slurm_fast_path=false").EnsureSuccess();

        AssertStock(run.Task("stock"), "hpc_weka_slurm_fast_path is false");
        Assert.True(run.Task("stock").Result["changed"]!.GetValue<bool>());
        Assert.Empty(target.List(target.RootCacheDir));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Async_tasks_run_the_stock_way(string kind)
    {
        using var target = Target.Create(kind, docker);
        var run = Playbook.Run(target, Cache.ServiceConfTask("async") + "\n  async: 60\n  poll: 1").EnsureSuccess();

        AssertStock(run.Task("async"), "async task");
        Assert.True(run.Task("async").Result["changed"]!.GetValue<bool>());
        Assert.Equal("isolate_cpusets=false\n", target.Shell($"cat {target.Scratch}/service.conf"));
        Assert.Empty(target.List(target.RootCacheDir));
    }

    [Fact]
    public void A_connection_that_cannot_feed_stdin_runs_the_stock_way()
    {
        using var target = Target.Create("local", docker);
        var run = Playbook.Run(target, Cache.ServiceConfTask("no stdin"), vars: "ansible_connection=nostdin", files: new Dictionary<string, string>
        {
            ["connection_plugins/nostdin.py"] = """
                # Test double: connection local, except that it declares it cannot feed stdin (no pipelining).
                from ansible.plugins.connection.local import Connection as LocalConnection

                DOCUMENTATION = '''
                name: nostdin
                short_description: local connection without stdin support (test double)
                description: [Runs commands locally; declares has_pipelining false.]
                author: hpc.weka_slurm tests
                '''


                class Connection(LocalConnection):
                    transport = 'nostdin'
                    has_pipelining = False
                """,
        }).EnsureSuccess();

        AssertStock(run.Task("no stdin"), "connection nostdin cannot feed stdin");
        Assert.True(run.Task("no stdin").Result["changed"]!.GetValue<bool>());
        Assert.Empty(target.List(target.RootCacheDir));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_cache_directory_the_user_does_not_own_is_not_used_and_the_task_runs_the_stock_way_with_a_warning(string kind)
    {
        using var target = Target.Create(kind, docker);
        var foreign = $"{target.Scratch}/foreign-cache";
        target.Shell($"mkdir -m 0755 {foreign} && chown nobody {foreign}");

        var run = Playbook.Run(target, Cache.ServiceConfTask("foreign cache"), vars: $"hpc_weka_slurm_cache_dir={foreign}").EnsureSuccess();

        var task = run.Task("foreign cache");
        Assert.Contains($"cache directory {foreign} cannot be created or is not owned by root", task.Warnings);
        Assert.Contains("module run the stock way", task.Warnings);
        Assert.Contains(task.Puts, p => p.Contains($"AnsiballZ_{Cache.Module}", StringComparison.Ordinal));
        Assert.True(task.Result["changed"]!.GetValue<bool>());
        Assert.Empty(target.List(foreign));
    }

    [Fact]
    public void A_relative_cache_directory_fails_the_task_naming_the_variable()
    {
        using var target = Target.Create("local", docker);
        var run = Playbook.Run(target, Cache.ServiceConfTask("relative"), vars: "hpc_weka_slurm_cache_dir=cache");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("hpc_weka_slurm_cache_dir must be an absolute path or start with ~/, got 'cache'",
            run.Task("relative").Result["msg"]!.GetValue<string>());
    }

    /// <summary>Stock execution: the module file is put into a temp dir as AnsiballZ_NAME and run from there.</summary>
    private static void AssertStock(TaskOutput task, string reason)
    {
        Assert.Contains($"hpc.weka_slurm fast path: stock module execution: {reason}", task.Text);
        Assert.Contains(task.Puts, p => p.Contains($"AnsiballZ_{Cache.Module}", StringComparison.Ordinal));
        Assert.Empty(task.CachedRuns);
    }
}
