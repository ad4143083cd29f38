using HpcWekaSlurm.Slurm.SlurmdbdConf;
using static HpcWekaSlurm.Slurm.Tests.Fixtures;
using static HpcWekaSlurm.Slurm.Tests.SlurmConf.PlannerHelpers;

namespace HpcWekaSlurm.Slurm.Tests.SlurmdbdConf;

public class SlurmdbdConfTests
{
    private const string Password = "n3w-S3cret-pw";

    [Fact]
    public void A_new_password_replaces_the_old_in_place_and_neither_appears_in_changes_or_rendering()
    {
        var before = DebianExamples.Read("slurmdbd.conf.simple.gz");

        var plan = SlurmdbdConfPlanner.Plan(before, new SlurmdbdConfRequest { StoragePass = Password, Settings = [Set("DbdHost", "db01")] });

        var after = Text(plan.After);
        Assert.Equal(2, ChangedLines(Text(before), after)!.Count);
        Assert.Contains($"\nStoragePass={Password}\n", after);
        Assert.Contains(new HpcWekaSlurm.Slurm.Config.ConfChange("setting", null, "StoragePass", "********", "********"), plan.Changes);
        var shown = string.Join("\n", plan.Changes.Select(c => c.ToString())) + SlurmdbdConfPlanner.Redact(before) + SlurmdbdConfPlanner.Redact(plan.After);
        Assert.DoesNotContain(Password, shown);
        Assert.DoesNotContain("shazaam", shown);
        Assert.Equal(["slurmdbd"], plan.Restart.RestartRequired);
    }

    [Fact]
    public void Redaction_also_hides_a_commented_out_password_and_text_after_a_hash()
    {
        var text = "#StoragePass=old-one\nStoragePass=abc#def\nStorageUser=slurm\n";

        Assert.Equal("#StoragePass=********\nStoragePass=********\nStorageUser=slurm\n", SlurmdbdConfPlanner.Redact(Bytes(text)));
    }

    [Fact]
    public void The_password_is_refused_among_the_plain_settings_and_when_it_holds_a_hash()
    {
        Assert.Contains("storage_pass", Assert.Throws<ArgumentException>(() => SlurmdbdConfPlanner.Plan([], new SlurmdbdConfRequest { Settings = [Set("storagepass", "x")] })).Message);
        var error = Assert.Throws<ArgumentException>(() => SlurmdbdConfPlanner.Plan([], new SlurmdbdConfRequest { StoragePass = "ab#cd" }));
        Assert.DoesNotContain("ab#cd", error.Message);
    }

    [Fact]
    public void Log_settings_need_only_a_reload()
    {
        var plan = SlurmdbdConfPlanner.Plan(DebianExamples.Read("slurmdbd.conf.simple.gz"), new SlurmdbdConfRequest { Settings = [Set("DebugLevel", "debug")] });

        Assert.True(plan.Restart.ReconfigureSufficient);
        Assert.Empty(plan.Restart.RestartRequired);
    }
}
