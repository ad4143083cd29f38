using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>
/// sudoers 'Defaults requiretty' on a host reached over ssh: sudo refuses the fast path's command, which has
/// its args on stdin and so no tty, but not the stock way's, for which the ssh connection asks a tty (-tt).
/// </summary>
[Collection(AnsibleCollection.Name)]
public sealed class RequirettyTests(DockerEnvironment docker)
{
    private const string Fact = "hpc_weka_slurm_sudo_requiretty";

    private static readonly string BecomeTasks = string.Join('\n',
        Cache.ServiceConfTask("first") + "\n  become: true",
        Cache.ServiceConfTask("second") + "\n  become: true");

    [Fact]
    public void Sudo_requiretty_makes_the_first_become_task_run_the_stock_way_with_a_warning_and_the_later_ones_skip_the_fast_path()
    {
        using var target = new SshTarget(docker, requireTty: true);
        var run = Playbook.Run(target, BecomeTasks).EnsureSuccess();

        var first = run.Task("first");
        Assert.Single(first.CachedRuns); // the attempt sudo refused
        Assert.Contains("sudo: sorry, you must have a tty to run sudo", first.Text);
        Assert.Contains("hpc.weka_slurm fast path unavailable on this host (sudo requires a tty: sudoers has 'Defaults requiretty'): "
                        + "module run the stock way, as are its later tasks; set hpc_weka_slurm_fast_path: false to skip this attempt", first.Warnings);
        AssertStockWithTty(first);
        Assert.True(first.Result["changed"]!.GetValue<bool>());
        Assert.True(first.Result["ansible_facts"]![Fact]!.GetValue<bool>());

        var second = run.Task("second");
        Assert.Contains($"hpc.weka_slurm fast path: stock module execution: sudo requires a tty on this host (fact {Fact})", second.Text);
        Assert.Empty(second.CachedRuns);
        Assert.DoesNotContain("must have a tty", second.Text);
        Assert.DoesNotContain("fast path unavailable", second.Warnings);
        AssertStockWithTty(second);
        Assert.Contains("already has the requested settings", second.Result["msg"]!.GetValue<string>());

        Assert.Equal("isolate_cpusets=false\n", target.Shell($"cat {target.Scratch}/service.conf"));
        Assert.StartsWith("root ", target.OwnerAndMode($"{target.Scratch}/service.conf"));
        Assert.Empty(target.List(target.RootCacheDir));
    }

    [Fact]
    public void Sudo_without_requiretty_over_ssh_takes_the_fast_path()
    {
        using var target = new SshTarget(docker, requireTty: false);
        var run = Playbook.Run(target, BecomeTasks).EnsureSuccess();

        var first = run.Task("first");
        Assert.Single(first.Uploads);
        Assert.Equal(2, first.CachedRuns.Count); // cache miss, run
        Assert.True(first.Result["changed"]!.GetValue<bool>());
        Assert.Null(first.Result["ansible_facts"]?[Fact]);
        var second = run.Task("second");
        Assert.Equal([.. second.CachedRuns], second.Commands);
        Assert.Single(second.Commands);
        Assert.False(second.Result["changed"]!.GetValue<bool>());
        Assert.All(run.Tasks, t => Assert.Empty(t.Puts));
        Assert.All(run.Tasks, t => Assert.DoesNotContain("fast path unavailable", t.Warnings));

        Assert.StartsWith("root ", target.OwnerAndMode($"{target.Scratch}/service.conf"));
        Assert.Equal([Cache.EntryName(Cache.InstalledBinary(Repo.Collections))], target.List(target.RootCacheDir));
    }

    /// <summary>The stock way: the module uploaded as AnsiballZ_NAME and run by a command that asked ssh for a tty.</summary>
    private static void AssertStockWithTty(TaskOutput task)
    {
        Assert.Contains(task.Puts, p => p.Contains($"AnsiballZ_{Cache.Module}", StringComparison.Ordinal));
        Assert.Contains(task.Commands, c => c.Contains(" -tt ", StringComparison.Ordinal) && c.Contains($"AnsiballZ_{Cache.Module}", StringComparison.Ordinal));
    }
}
