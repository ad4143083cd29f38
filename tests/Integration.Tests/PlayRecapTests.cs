using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Integration.Tests;

public sealed class PlayRecapTests
{
    [Fact]
    public void Text_recap_gives_each_hosts_counts()
    {
        const string stdout = """
            TASK [ping] ********************************************************************
            ok: [controller]

            PLAY RECAP *********************************************************************
            compute-0                  : ok=2    changed=1    unreachable=0    failed=1    skipped=3    rescued=0    ignored=4   
            controller                 : ok=3    changed=0    unreachable=1    failed=0    skipped=0    rescued=2    ignored=0   

            """;

        var recap = PlayRecap.FromText(stdout);

        Assert.Equal(new HostRecap(2, 1, 0, 1, 3, 0, 4), recap["compute-0"]);
        Assert.Equal(new HostRecap(3, 0, 1, 0, 0, 2, 0), recap["controller"]);
    }

    [Fact]
    public void Output_without_a_recap_gives_no_hosts()
    {
        Assert.Empty(PlayRecap.FromText("ERROR! the playbook: x.yml could not be found\n"));
    }
}
