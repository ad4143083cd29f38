using HpcWekaSlurm.Weka.Mount;

namespace Weka.Tests.Mount;

public class WekaMountOptionsTests
{
    private static string Mount(WekaMountOptions o) => MountOptionString.Format(o.MountArguments());

    private static string Fstab(WekaMountOptions o) => MountOptionString.Format(o.FstabOptions());

    private static IReadOnlyList<MountInputError> Errors(WekaMountOptions o) => o.Validate();

    [Fact]
    public void Guide_example_builds_core_47_and_net_ib0()
    {
        var options = new WekaMountOptions { Cores = [47], Net = ["ib0"] };
        Assert.Empty(Errors(options));
        Assert.Equal("core=47,net=ib0", Mount(options));
    }

    [Fact]
    public void Each_core_becomes_its_own_core_option_in_the_given_order()
    {
        Assert.Equal("core=47,core=95,core=23", Mount(new WekaMountOptions { Cores = [47, 95, 23] }));
    }

    [Fact]
    public void Fstab_options_end_with_the_default_systemd_options()
    {
        var options = new WekaMountOptions { NumCores = 1, Net = ["eth1"] };
        Assert.Equal("num_cores=1,net=eth1,x-systemd.after=weka-agent.service,x-systemd.mount-timeout=infinity,_netdev", Fstab(options));
    }

    [Fact]
    public void Systemd_options_can_be_replaced_or_dropped()
    {
        Assert.Equal("num_cores=1,x-systemd.requires=weka-agent.service", Fstab(new WekaMountOptions { NumCores = 1, SystemdOptions = ["x-systemd.requires=weka-agent.service"] }));
        Assert.Equal("num_cores=1", Fstab(new WekaMountOptions { NumCores = 1, SystemdOptions = [] }));
    }

    [Fact]
    public void Udp_mode_writes_net_udp_and_accepts_zero_cores()
    {
        var options = new WekaMountOptions { Mode = WekaNetworkMode.Udp, NumCores = 0 };
        Assert.Empty(Errors(options));
        Assert.Equal("num_cores=0,net=udp", Mount(options));
    }

    [Fact]
    public void Every_client_option_is_rendered_in_a_fixed_order()
    {
        var options = new WekaMountOptions
        {
            Cores = [3, 5],
            Net = ["mlnx0/10.0.0.5+10.0.0.6/24/10.0.0.1", "mlnx1"],
            MemoryMb = 8192,
            MgmtIp = "10.0.0.1+10.0.0.2",
            ContainerName = "client1",
            ReadCache = true,
            ReadOnly = true,
            Extra = ["readahead_kb=65536", "dpdk_base_memory_mb=16"],
        };
        Assert.Empty(Errors(options));
        Assert.Equal(
            "core=3,core=5,net=mlnx0/10.0.0.5+10.0.0.6/24/10.0.0.1,net=mlnx1,memory_mb=8192,mgmt_ip=10.0.0.1+10.0.0.2,container_name=client1,readcache,ro,readahead_kb=65536,dpdk_base_memory_mb=16",
            Mount(options));
    }

    [Fact]
    public void Fstab_only_extras_stay_out_of_the_mount_command()
    {
        var options = new WekaMountOptions { NumCores = 1, Extra = ["nofail", "x-systemd.automount", "readahead_kb=65536"], SystemdOptions = ["_netdev"] };
        Assert.Equal("num_cores=1,readahead_kb=65536", Mount(options));
        Assert.Equal("num_cores=1,nofail,x-systemd.automount,readahead_kb=65536,_netdev", Fstab(options));
    }

    [Fact]
    public void A_systemd_option_also_given_in_options_is_written_once()
    {
        var options = new WekaMountOptions { NumCores = 1, Extra = ["_netdev"], SystemdOptions = ["_netdev"] };
        Assert.Equal("num_cores=1,_netdev", Fstab(options));
    }

    [Fact]
    public void Cores_and_num_cores_together_is_an_error()
    {
        var error = Assert.Single(Errors(new WekaMountOptions { Cores = [5], NumCores = 1 }));
        Assert.Equal("cores", error.Option);
        Assert.Contains("mutually exclusive", error.Message);
    }

    [Fact]
    public void Core_0_is_an_error()
    {
        var error = Assert.Single(Errors(new WekaMountOptions { Cores = [0, 5] }));
        Assert.Equal("cores", error.Option);
        Assert.Contains("core 0 is not allowed", error.Message);
    }

    [Fact]
    public void Negative_core_is_an_error()
    {
        Assert.Contains(Errors(new WekaMountOptions { Cores = [-1] }), e => e.Option == "cores" && e.Message.Contains("negative"));
    }

    [Fact]
    public void Duplicated_cores_are_an_error_naming_the_core()
    {
        var error = Assert.Single(Errors(new WekaMountOptions { Cores = [47, 95, 47] }));
        Assert.Equal("cores", error.Option);
        Assert.Contains("core 47 is listed more than once", error.Message);
    }

    [Fact]
    public void Num_cores_0_without_udp_is_an_error()
    {
        var error = Assert.Single(Errors(new WekaMountOptions { NumCores = 0 }));
        Assert.Equal("num_cores", error.Option);
        Assert.Contains("only valid in UDP mode", error.Message);
    }

    [Fact]
    public void Negative_num_cores_is_an_error()
    {
        Assert.Equal("num_cores", Assert.Single(Errors(new WekaMountOptions { NumCores = -2 })).Option);
    }

    [Fact]
    public void Udp_with_cores_is_an_error()
    {
        var error = Assert.Single(Errors(new WekaMountOptions { Mode = WekaNetworkMode.Udp, Cores = [5] }));
        Assert.Equal("cores", error.Option);
        Assert.Contains("UDP mode uses no dedicated cores", error.Message);
    }

    [Fact]
    public void Udp_with_a_nic_list_is_an_error()
    {
        Assert.Equal("net", Assert.Single(Errors(new WekaMountOptions { Mode = WekaNetworkMode.Udp, Net = ["eth1"] })).Option);
    }

    [Fact]
    public void Net_udp_in_the_nic_list_points_to_mode_udp()
    {
        var error = Assert.Single(Errors(new WekaMountOptions { Net = ["udp"] }));
        Assert.Contains("mode: udp", error.Message);
    }

    [Theory]
    [InlineData("eth0/10.0.0.5", "device/ip/bits")]
    [InlineData("eth0/10.0.0/24", "'10.0.0' is not an IP address")]
    [InlineData("eth0/10.0.0.5/33", "from 1 to 32")]
    [InlineData("eth0/10.0.0.5/24/fe80::1", "same family")]
    [InlineData("/10.0.0.5/24", "device name is empty")]
    [InlineData("", "NIC spec is empty")]
    [InlineData("eth0 eth1", "no blanks")]
    [InlineData("eth0,eth1", "no blanks, commas")]
    public void Malformed_nic_specs_are_errors_saying_why(string spec, string words)
    {
        var error = Assert.Single(Errors(new WekaMountOptions { Net = [spec] }));
        Assert.Equal("net", error.Option);
        Assert.Contains(words, error.Message);
    }

    [Theory]
    [InlineData("ib0")]
    [InlineData("0000:3b:00.0")]
    [InlineData("eth1/192.168.1.100/24")]
    [InlineData("intel0/192.168.1.100+192.168.1.101/24/192.168.1.254")]
    [InlineData("eth2/fd00::5/64/fd00::1")]
    public void Well_formed_nic_specs_pass_and_render_unchanged(string spec)
    {
        var options = new WekaMountOptions { Net = [spec] };
        Assert.Empty(Errors(options));
        Assert.Equal($"net={spec}", Mount(options));
    }

    [Fact]
    public void Memory_must_be_positive()
    {
        Assert.Equal("memory_mb", Assert.Single(Errors(new WekaMountOptions { MemoryMb = 0 })).Option);
    }

    [Theory]
    [InlineData("10.0.0")]
    [InlineData("")]
    [InlineData("10.0.0.1+")]
    public void Mgmt_ip_must_be_ip_addresses(string value)
    {
        Assert.Equal("mgmt_ip", Assert.Single(Errors(new WekaMountOptions { MgmtIp = value })).Option);
    }

    [Theory]
    [InlineData("")]
    [InlineData("client 1")]
    [InlineData("a,b")]
    public void Container_name_must_be_a_plain_name(string value)
    {
        Assert.Equal("container_name", Assert.Single(Errors(new WekaMountOptions { ContainerName = value })).Option);
    }

    [Fact]
    public void Two_cache_modes_are_an_error()
    {
        var error = Assert.Single(Errors(new WekaMountOptions { ReadCache = true, ForceDirect = true }));
        Assert.Contains("readcache, forcedirect are exclusive", error.Message);
    }

    [Theory]
    [InlineData("core=5", "cores")]
    [InlineData("net=eth0", "net")]
    [InlineData("ro", "readonly")]
    [InlineData("remount", "state: remounted")]
    public void Raw_options_that_have_their_own_option_are_errors(string raw, string instead)
    {
        var error = Assert.Single(Errors(new WekaMountOptions { Extra = [raw] }));
        Assert.Equal("options", error.Option);
        Assert.Contains($"use {instead}", error.Message);
    }

    [Theory]
    [InlineData("options", "a,b")]
    [InlineData("options", "has space")]
    [InlineData("options", "")]
    [InlineData("systemd_options", "x-systemd.after=a b")]
    public void Raw_options_with_commas_or_blanks_are_errors(string option, string raw)
    {
        var options = option == "options" ? new WekaMountOptions { Extra = [raw] } : new WekaMountOptions { SystemdOptions = [raw] };
        Assert.Equal(option, Assert.Single(Errors(options)).Option);
    }
}
