using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Integration.Tests;

public sealed class TwoNodeCluster : ClusterFixture
{
    protected override ClusterOptions Options => new()
    {
        Nodes = [new NodeSpec("controller", "slurm_controller"), new NodeSpec("compute-0", "slurm_compute")],
    };
}

/// <summary>The harness end to end: real containers, systemd, the local apt repository, the real ansible-playbook.</summary>
public sealed class ClusterSmokeTests(TwoNodeCluster fixture) : IClassFixture<TwoNodeCluster>
{
    private Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Every_node_runs_systemd_as_pid_1_under_its_hostname()
    {
        foreach (var node in Cluster.Nodes)
        {
            Assert.Equal("systemd", (await node.ExecOkAsync("ps -p 1 -o comm=")).Stdout.Trim());
            Assert.Equal("running", (await node.ExecOkAsync("systemctl is-system-running")).Stdout.Trim());
            Assert.Equal(node.Name, (await node.ExecOkAsync("hostname")).Stdout.Trim());
        }
    }

    [Fact]
    public async Task Nodes_reach_each_other_by_hostname_on_an_internal_network()
    {
        await Cluster.ExecOkAsync("compute-0", "systemd-run --unit probe-http --working-directory /srv/localrepo python3 -m http.server 8080");
        var fetched = await Cluster.ExecOkAsync("controller", """
            python3 - <<'PY'
            import time, urllib.request
            for _ in range(50):
                try:
                    print(urllib.request.urlopen("http://compute-0:8080/Release", timeout=2).status); break
                except OSError:
                    time.sleep(0.2)
            PY
            """);
        // Docker still gives a default route on an internal network; its iptables rules drop what leaves it.
        var network = await HostProcess.RunAsync(
            "docker", ["network", "inspect", "-f", "{{.Internal}} {{range .IPAM.Config}}{{.Subnet}}{{end}}", Cluster.NetworkName],
            TimeSpan.FromMinutes(1));

        Assert.Equal("200", fetched.Stdout.Trim());
        Assert.Equal($"true {Cluster.Subnet}", network.EnsureSuccess("docker network inspect").Stdout.Trim());
    }

    [Fact]
    public async Task Munge_installs_from_the_local_repository_only()
    {
        var install = await Cluster.ExecAsync("controller", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q munge");
        var policy = await Cluster.ExecOkAsync("controller", "apt-cache policy munge");

        install.EnsureSuccess("apt-get install munge");
        Assert.Equal("active", (await Cluster.ExecAsync("controller", "systemctl is-active munge")).Stdout.Trim());
        Assert.Contains("file:/srv/localrepo", policy.Stdout);
        Assert.DoesNotContain("http", policy.Stdout);
    }

    [Fact]
    public async Task Local_repository_offers_an_older_pin_version_that_installs_when_asked()
    {
        var candidate = (await Cluster.ExecOkAsync("compute-0", "apt-cache policy munge | sed -n 's/ *Candidate: //p'")).Stdout.Trim();
        var pinned = candidate + "~pin1";

        await Cluster.ExecOkAsync("compute-0", $"DEBIAN_FRONTEND=noninteractive apt-get install -y -q munge={pinned} libmunge2={pinned}");

        Assert.Equal(pinned, (await Cluster.ExecOkAsync("compute-0", "dpkg-query -W -f '${Version}' munge")).Stdout);
    }

    [Fact]
    public async Task Playbook_reaches_every_node_over_the_docker_connection_and_recap_counts_each_host()
    {
        var result = await Cluster.RunPlaybookAsync(Playbook.Yaml("""
            - hosts: all
              gather_facts: false
              tasks:
                - ansible.builtin.ping:
                - ansible.builtin.command: hostname
                  register: host
                - ansible.builtin.assert:
                    that: host.stdout == inventory_hostname
            """));

        result.EnsureSuccess();
        Assert.Equal(["compute-0", "controller"], result.Recap.Keys.Order());
        Assert.All(result.Recap.Values, h => Assert.Equal(new HostRecap(Ok: 3, Changed: 1, 0, 0, 0, 0, 0), h));
    }

    [Fact]
    public async Task Json_output_gives_each_hosts_task_result_and_groups_come_from_the_node_specs()
    {
        var result = await Cluster.RunPlaybookAsync(
            Playbook.Yaml("""
                - hosts: slurm_compute
                  gather_facts: false
                  tasks:
                    - name: read marker
                      ansible.builtin.command: "echo {{ marker }}"
                      changed_when: false
                """),
            new PlaybookOptions { JsonOutput = true, ExtraVars = new() { ["marker"] = "from-extra-vars" } });

        result.EnsureSuccess();
        var read = result.TaskResults("read marker");
        Assert.Equal(["compute-0"], read.Keys);
        Assert.Equal("from-extra-vars", (string?)read["compute-0"]["stdout"]);
        Assert.Equal(0, result.Changed);
    }
}
