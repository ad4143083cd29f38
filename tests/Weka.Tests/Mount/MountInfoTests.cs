using HpcWekaSlurm.Weka.Mount;

namespace Weka.Tests.Mount;

public class MountInfoTests
{
    [Fact]
    public void A_wekafs_line_is_parsed_field_by_field()
    {
        var entry = MountInfoEntry.Parse(MountFixtures.GuideMountLine.TrimEnd('\n'));
        Assert.Equal(120, entry.MountId);
        Assert.Equal(27, entry.ParentId);
        Assert.Equal("0:52", entry.Device);
        Assert.Equal("/", entry.Root);
        Assert.Equal("/mnt/weka", entry.MountPoint);
        Assert.Equal(["shared:66"], entry.OptionalFields);
        Assert.Equal("wekafs", entry.FsType);
        Assert.True(entry.IsWekafs);
        Assert.Equal("backend-host-0/fs1", entry.Source);
        Assert.False(entry.ReadOnly);
        Assert.Equal(["client"], entry.SuperOptions.Values("container_name"));
        Assert.True(entry.SuperOptions.Has("writecache"));
    }

    [Fact]
    public void Lines_without_optional_fields_and_with_several_are_parsed()
    {
        var none = MountInfoEntry.Parse("28 27 0:25 / /mnt/x ro,nosuid - tmpfs tmpfs ro,size=4k");
        Assert.Empty(none.OptionalFields);
        Assert.True(none.ReadOnly);
        var many = MountInfoEntry.Parse("36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 shared:7 propagate_from:2 - ext3 /dev/root rw,errors=continue");
        Assert.Equal(["master:1", "shared:7", "propagate_from:2"], many.OptionalFields);
        Assert.Equal("ext3", many.FsType);
        Assert.Equal("/mnt1", many.Root);
    }

    [Fact]
    public void Escaped_paths_sources_and_option_values_are_decoded()
    {
        var entry = MountInfoEntry.Parse("130 27 0:60 / /mnt/my\\040weka rw,relatime shared:70 - wekafs b0/fs\\0401 rw,container_name=a\\054b");
        Assert.Equal("/mnt/my weka", entry.MountPoint);
        Assert.Equal("b0/fs 1", entry.Source);
        Assert.Equal(["a,b"], entry.SuperOptions.Values("container_name"));
    }

    [Fact]
    public void Core_options_are_readable_for_the_cpu_audit()
    {
        var entry = MountInfoEntry.Parse("140 27 0:61 / /mnt/w rw,relatime - wekafs b0/fs1 rw,core=47,core=95,net=ib0,readcache");
        Assert.Equal(["47", "95"], entry.AllOptions.Values("core"));
    }

    [Fact]
    public void The_table_keeps_kernel_order_and_finds_stacked_mounts()
    {
        var table = MountInfoTable.Parse(MountFixtures.BaseMountInfo + MountFixtures.GuideMountLine +
                                         "121 120 0:53 / /mnt/weka rw,relatime - tmpfs tmpfs rw\n");
        Assert.Equal(7, table.Entries.Count);
        Assert.Equal(["wekafs", "tmpfs"], table.At("/mnt/weka").Select(e => e.FsType));
    }

    [Fact]
    public void A_malformed_line_is_an_error_naming_its_number()
    {
        var e = Assert.Throws<FormatException>(() => MountInfoTable.Parse(MountFixtures.BaseMountInfo + "garbage line\n"));
        Assert.StartsWith("line 6 ", e.Message);
    }

    [Fact]
    public void This_hosts_own_mountinfo_parses()
    {
        var table = MountInfoTable.Parse(File.ReadAllBytes(MountInfoTable.DefaultPath));
        Assert.Contains(table.Entries, e => e.MountPoint == "/");
    }

    [Fact]
    public void Observation_sees_wekafs_mounted()
    {
        var observed = MountObservation.Of(MountInfoTable.Parse(MountFixtures.BaseMountInfo + MountFixtures.GuideMountLine), ["/mnt/weka"]);
        Assert.Equal(MountStatus.Wekafs, observed.Status);
        Assert.Equal(1, observed.StackedWekafs);
    }

    [Fact]
    public void Observation_sees_nothing_mounted()
    {
        var observed = MountObservation.Of(MountInfoTable.Parse(MountFixtures.BaseMountInfo), ["/mnt/weka"]);
        Assert.Equal(MountStatus.NotMounted, observed.Status);
        Assert.Equal("/mnt/weka: not mounted", observed.Describe("/mnt/weka"));
    }

    [Fact]
    public void Observation_sees_another_filesystem_on_the_same_path()
    {
        var observed = MountObservation.Of(MountInfoTable.Parse(MountFixtures.BaseMountInfo +
            "125 27 0:40 / /mnt/weka rw,relatime shared:67 - nfs4 nas:/export rw,vers=4.2\n"), ["/mnt/weka"]);
        Assert.Equal(MountStatus.OtherFilesystem, observed.Status);
        Assert.Equal("nfs4", observed.Top!.FsType);
    }

    [Fact]
    public void Observation_counts_wekafs_mounted_twice_on_the_path_and_other_wekafs_mounts()
    {
        var table = MountInfoTable.Parse(MountFixtures.BaseMountInfo + MountFixtures.GuideMountLine +
                                         MountFixtures.GuideMountLine.Replace("120 27", "121 120") +
                                         "122 27 0:54 / /mnt/scratch rw,relatime - wekafs backend-host-0/scratch rw\n");
        var observed = MountObservation.Of(table, ["/mnt/weka"]);
        Assert.Equal(2, observed.StackedWekafs);
        Assert.Equal("/mnt/scratch", Assert.Single(observed.OtherWekafsMounts).MountPoint);
    }

    [Fact]
    public void Observation_finds_the_mount_under_the_symlink_target()
    {
        var table = MountInfoTable.Parse(MountFixtures.BaseMountInfo + MountFixtures.GuideMountLine.Replace("/mnt/weka", "/data/weka"));
        Assert.Equal(MountStatus.Wekafs, MountObservation.Of(table, ["/mnt/weka", "/data/weka"]).Status);
    }
}
