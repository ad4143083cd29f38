using System.Text.Json.Nodes;
using HpcWekaSlurm.Slurm.Tests.Host;
using HpcWekaSlurm.Slurm.Tests.Modules;

namespace HpcWekaSlurm.Slurm.Tests.Playbooks;

/// <summary>
/// The four config modules run by real ansible-playbook (ansible-core of this machine), on copies of
/// Debian's example files: check mode, diff, change, idempotence, bad input, the password kept out of
/// everything Ansible prints at -vvv. The modules are the Debug builds of this tree (built with the
/// tests), each behind a WANT_JSON wrapper so Ansible hands it the same JSON args file as a binary module.
/// </summary>
public class AnsiblePlaybookTests
{
    private const string Password = "Zq7-slurmdbd-pw-4242";
    private static readonly string[] Modules = ["slurm_conf", "slurm_cgroup_conf", "slurm_gres_conf", "slurmdbd_conf"];

    [Fact]
    public void Modules_pass_check_mode_diff_idempotence_and_bad_input_through_ansible_playbook_without_showing_the_password()
    {
        using var work = new TempTree();
        var library = Path.Combine(work.Path, "library");
        Directory.CreateDirectory(library);
        foreach (var module in Modules)
        {
            var wrapper = Path.Combine(library, module);
            File.WriteAllText(wrapper, $"#!/bin/sh\n# WANT_JSON\nexec '{ModuleBinaries.Find(module)}' \"$1\"\n");
            File.SetUnixFileMode(wrapper, (UnixFileMode)Convert.ToInt32("755", 8));
        }

        Directory.CreateDirectory(Path.Combine(work.Path, "etc"));
        File.WriteAllBytes(Path.Combine(work.Path, "etc", "slurm.conf"), DebianExamples.Read("slurm.conf.cgroup.gz"));
        File.WriteAllBytes(Path.Combine(work.Path, "etc", "cgroup.conf"), DebianExamples.Read("cgroup.conf.gz"));
        File.WriteAllBytes(Path.Combine(work.Path, "etc", "slurmdbd.conf"), DebianExamples.Read("slurmdbd.conf.simple.gz"));
        work.File("cgroup-hybrid/cpuset/cgroup.clone_children");
        work.File("cgroup-hybrid/unified/cgroup.controllers");
        var vars = work.File("vars.json", new JsonObject { ["work"] = work.Path, ["db_password"] = Password }.ToJsonString());

        var outcome = Processes.Run("/usr/bin/ansible-playbook",
            ["-i", "localhost,", "-vvv", "-e", $"@{vars}", Path.Combine(AppContext.BaseDirectory, "Playbooks", "slurm_config_modules.yml")],
            new Dictionary<string, string>
            {
                ["ANSIBLE_LIBRARY"] = library,
                ["ANSIBLE_NOCOLOR"] = "1",
                ["ANSIBLE_PYTHON_INTERPRETER"] = "/usr/bin/python3",
                ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(work.Path, "ansible-local"),
                ["ANSIBLE_REMOTE_TEMP"] = Path.Combine(work.Path, "ansible-remote"),
                ["ANSIBLE_RETRY_FILES_ENABLED"] = "0",
            },
            timeoutSeconds: 300);

        var output = outcome.StdOut + outcome.StdErr;
        Assert.True(outcome.ExitCode == 0, output);
        Assert.Contains("failed=0", output);
        Assert.DoesNotContain(Password, output);
        Assert.DoesNotContain("shazaam", output);
        Assert.Contains($"StoragePass={Password}\n", File.ReadAllText(Path.Combine(work.Path, "etc", "slurmdbd.conf")));
        var backup = Assert.Single(Directory.GetFiles(Path.Combine(work.Path, "etc"), "slurmdbd.conf.*~"));
        // The original was root's and 0644; its backup holds the old password, so it is as private as the new file.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        Assert.Equal("slurm", Processes.Run("/usr/bin/stat", ["-c", "%U", backup]).StdOut.Trim());
    }
}
