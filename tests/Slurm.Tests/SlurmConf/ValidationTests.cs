using HpcWekaSlurm.Slurm.SlurmConf;
using static HpcWekaSlurm.Slurm.Tests.SlurmConf.PlannerHelpers;

namespace HpcWekaSlurm.Slurm.Tests.SlurmConf;

public class ValidationTests
{
    private const string Base =
        "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nTaskPlugin=task/cgroup\n" +
        "NodeName=c1 CPUs=4 RealMemory=8000\nPartitionName=p Nodes=c1\n";

    private static ConfPlan PlanNode(string text, params (string Key, string? Value)[] attributes) =>
        Plan(text, new SlurmConfRequest { Nodes = [Node("c1", attributes)] });

    [Fact]
    public void CpuSpecList_with_CoreSpecCount_is_an_error_naming_the_node()
    {
        var plan = PlanNode(Base, ("CpuSpecList", "3"), ("CoreSpecCount", "1"));

        Assert.Contains(plan.Errors, e => e.StartsWith("node c1: CpuSpecList and CoreSpecCount are mutually exclusive", StringComparison.Ordinal));
    }

    [Fact]
    public void MemSpecLimit_not_below_RealMemory_is_an_error()
    {
        var plan = PlanNode(Base, ("MemSpecLimit", "8000"));

        Assert.Contains("node c1: MemSpecLimit=8000 must be below RealMemory=8000 (MiB), else no memory is left for jobs", plan.Errors);
    }

    [Fact]
    public void CpuSpecList_ids_beyond_the_CPUs_are_an_error()
    {
        var plan = PlanNode(Base, ("CpuSpecList", "3-4"));

        Assert.Contains(plan.Errors, e => e.StartsWith("node c1: CpuSpecList=3-4 names CPU id 4 but the node has 4 CPUs", StringComparison.Ordinal));
    }

    [Fact]
    public void CPUs_left_out_are_worked_out_from_sockets_cores_and_threads_and_DEFAULT()
    {
        var text = Base.Replace("NodeName=c1 CPUs=4 RealMemory=8000", "NodeName=DEFAULT ThreadsPerCore=2\nNodeName=c1 Sockets=1 CoresPerSocket=2 RealMemory=8000", StringComparison.Ordinal);

        Assert.Empty(PlanNode(text, ("CpuSpecList", "2-3")).Errors);
        Assert.NotEmpty(PlanNode(text, ("CpuSpecList", "4")).Errors);
    }

    [Fact]
    public void MemSpecLimit_without_a_memory_SelectTypeParameters_is_an_error()
    {
        var plan = PlanNode(Base.Replace("CR_Core_Memory", "CR_Core", StringComparison.Ordinal), ("MemSpecLimit", "1000"));

        Assert.Contains(plan.Errors, e => e.StartsWith("node c1: MemSpecLimit has no effect unless SelectTypeParameters has a CR_*_Memory value", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_specialisation_without_task_cgroup_is_a_warning_not_an_error()
    {
        var plan = PlanNode(Base.Replace("TaskPlugin=task/cgroup", "TaskPlugin=task/affinity", StringComparison.Ordinal), ("CpuSpecList", "3"));

        Assert.Empty(plan.Errors);
        Assert.Contains(plan.Warnings, w => w.StartsWith("node c1: CpuSpecList has no effect on jobs without TaskPlugin=task/cgroup", StringComparison.Ordinal));
    }

    [Fact]
    public void RealMemory_above_what_the_node_has_is_an_error_when_known()
    {
        var request = new SlurmConfRequest
        {
            Nodes = [Node("c1", ("RealMemory", "9000"))],
            Hardware = new Dictionary<string, NodeHardware> { ["c1"] = new(Cpus: 4, RealMemory: 8500) },
        };

        var plan = Plan(Base, request);

        Assert.Contains("node c1: RealMemory=9000 is above the 8500 MiB the node has; slurmctld would drain it (\"Low RealMemory\")", plan.Errors);
    }

    [Fact]
    public void A_mistake_already_in_the_file_is_a_warning_when_the_task_does_not_touch_it()
    {
        var text = Base.Replace("RealMemory=8000", "RealMemory=8000 MemSpecLimit=9000", StringComparison.Ordinal);

        var plan = Plan(text, new SlurmConfRequest { Settings = [Set("ClusterName", "hpc")] });

        Assert.Empty(plan.Errors);
        Assert.Contains(plan.Warnings, w => w.Contains("MemSpecLimit=9000 must be below", StringComparison.Ordinal) && w.EndsWith("(already so in the file; not changed by this task)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_guides_example_node_line_passes_and_its_CpuSpecList_is_in_range()
    {
        var guide = "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nTaskPlugin=task/affinity,task/cgroup\n" +
                    "NodeName=compute-node-0 CPUs=96 Boards=1 SocketsPerBoard=2 CoresPerSocket=24 ThreadsPerCore=2 RealMemory=1360000 MemSpecLimit=5000 State=CLOUD CpuSpecList=94-95 Gres=gpu:a100:8\n";

        Assert.Empty(Plan(guide, new SlurmConfRequest()).Errors);
    }
}
