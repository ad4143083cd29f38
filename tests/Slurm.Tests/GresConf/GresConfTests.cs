using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.GresConf;
using static HpcWekaSlurm.Slurm.Tests.Fixtures;
using static HpcWekaSlurm.Slurm.Tests.SlurmConf.PlannerHelpers;

namespace HpcWekaSlurm.Slurm.Tests.GresConf;

public class GresConfTests
{
    private const string Site =
        "# gres.conf\n" +
        "AutoDetect=off\n" +
        "NodeName=gpu[01-02] Name=gpu Type=a100 File=/dev/nvidia[0-3] Cores=0-15\n" +
        "NodeName=gpu[01-02] Name=gpu Type=a100 File=/dev/nvidia[4-7] Cores=16-31\n" +
        "Name=mps Count=200   # shared\n";

    private static GresLineSpec Line(params (string Key, string? Value)[] attributes) =>
        new(attributes.Select(a => new KeyValuePair<string, DesiredValue?>(a.Key, a.Value is null ? null : DesiredValue.Of(a.Value))).ToList());

    private static ConfPlan PlanSite(GresConfRequest request) => GresConfPlanner.Plan(Bytes(Site), request with { Rules = Slurm2205 });

    [Fact]
    public void A_line_is_found_by_NodeName_hosts_Name_Type_and_File_and_edited_in_place()
    {
        var plan = PlanSite(new GresConfRequest { Lines = [Line(("NodeName", "gpu01,gpu02"), ("Name", "gpu"), ("Type", "a100"), ("File", "/dev/nvidia[4-7]"), ("Cores", "16-23"))] });

        Assert.Equal(Site.Replace("Cores=16-31", "Cores=16-23", StringComparison.Ordinal), Text(plan.After));
        Assert.Equal(["slurmctld"], plan.Restart.RestartRequired);
    }

    [Fact]
    public void A_new_line_follows_the_existing_ones_node_scope_first_and_a_Type_change_restarts_both_daemons()
    {
        var plan = PlanSite(new GresConfRequest { Lines = [Line(("Name", "gpu"), ("Count", "2"), ("NodeName", "gpu03"), ("Type", "h100"), ("File", "/dev/nvidia[0-1]"))] });

        Assert.EndsWith("Name=mps Count=200   # shared\nNodeName=gpu03 Name=gpu Type=h100 File=/dev/nvidia[0-1] Count=2\n", Text(plan.After));
        Assert.Equal(["slurmctld", "slurmd"], plan.Restart.RestartRequired);
    }

    [Fact]
    public void Exclusive_removes_lines_not_asked_for_and_the_global_AutoDetect_is_a_setting()
    {
        var plan = PlanSite(new GresConfRequest
        {
            AutoDetect = new("AutoDetect", DesiredValue.Of("nvml")),
            Lines = [Line(("Name", "mps"), ("Count", "200"))],
            Exclusive = true,
        });

        Assert.Equal("# gres.conf\nAutoDetect=nvml\nName=mps Count=200   # shared\n", Text(plan.After));
    }

    [Fact]
    public void A_line_without_Name_or_given_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PlanSite(new GresConfRequest { Lines = [Line(("Type", "a100"))] }));
        Assert.Throws<ArgumentException>(() => PlanSite(new GresConfRequest { Lines = [Line(("Name", "mps")), Line(("Name", "mps"), ("Count", "4"))] }));
    }

    [Fact]
    public void A_gres_missing_from_GresTypes_is_a_warning()
    {
        var plan = PlanSite(new GresConfRequest { Lines = [Line(("Name", "mps"), ("Count", "200"))], GresTypes = "gpu" });

        Assert.Contains("gres mps is not in slurm.conf's GresTypes (gpu): Slurm ignores its gres.conf lines until it is", plan.Warnings);
    }

    [Fact]
    public void A_whole_gres_line_is_accepted_as_text()
    {
        var spec = GresLineSpec.FromLine("NodeName=gpu03 Name=gpu Type=h100 File=/dev/nvidia0");

        Assert.Equal("gpu03", spec["nodename"]);
        Assert.Equal("h100", spec["Type"]);
    }
}
