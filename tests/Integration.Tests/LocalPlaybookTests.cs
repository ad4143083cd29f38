using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Integration.Tests;

public sealed class LocalPlaybookTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("hws-local-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Check_and_diff_runs_report_the_change_and_leave_the_machine_untouched()
    {
        var target = Path.Combine(dir.FullName, "file.txt");

        var result = await LocalPlaybook.RunAsync(
            Playbook.Yaml("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - ansible.builtin.copy:
                        dest: "{{ target }}"
                        content: "hello\n"
                """),
            new PlaybookOptions { Check = true, Diff = true, ExtraVars = new() { ["target"] = target } });

        result.EnsureSuccess();
        Assert.Equal(new HostRecap(Ok: 1, Changed: 1, 0, 0, 0, 0, 0), result.Recap["localhost"]);
        Assert.Contains("+hello", result.Stdout);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_failing_task_shows_in_the_recap_and_the_result_is_not_a_success()
    {
        var result = await LocalPlaybook.RunAsync(Playbook.Yaml("""
            - hosts: localhost
              gather_facts: false
              tasks:
                - ansible.builtin.fail:
                    msg: on purpose
            """));

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Recap["localhost"].Failed);
        Assert.Throws<InvalidOperationException>(() => result.EnsureSuccess());
    }
}
