using HpcWekaSlurm.Weka.Mount;

namespace Weka.Tests.Mount;

/// <summary>Real-format /proc/self/mountinfo and /etc/fstab content for the mount tests.</summary>
internal static class MountFixtures
{
    /// <summary>A host's mount table without any wekafs mount (lines as a Debian 12 host writes them).</summary>
    public const string BaseMountInfo =
        "22 27 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n" +
        "23 27 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw\n" +
        "24 27 0:6 / /dev rw,nosuid,relatime shared:8 - devtmpfs udev rw,size=12334460k,nr_inodes=3083615,mode=755\n" +
        "27 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro\n" +
        "30 27 0:25 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=2468408k,mode=755\n";

    /// <summary>
    /// The guide's mount as it shows in mountinfo: the per-mount flags, then WEKA's super options
    /// (cache mode, inode_bits, readahead, dentry ages, container name).
    /// </summary>
    public const string GuideMountLine =
        "120 27 0:52 / /mnt/weka rw,relatime shared:66 - wekafs backend-host-0/fs1 rw,writecache,inode_bits=auto,readahead_kb=32768,dentry_max_age_positive=1000,dentry_max_age_negative=0,container_name=client\n";

    public const string BaseFstab =
        "# /etc/fstab: static file system information.\n" +
        "#\n" +
        "# <file system> <mount point>   <type>  <options>       <dump>  <pass>\n" +
        "UUID=0a1b2c3d-1111-2222-3333-444455556666 /               ext4    errors=remount-ro 0       1\n" +
        "/dev/vdb1\t/srv/data\txfs\tdefaults,noatime\t0\t2\n";

    /// <summary>The guide's example: core=47, net=ib0, backend-host-0/fs1 on /mnt/weka.</summary>
    public static WekaMountRequest Guide(MountStateRequest state = MountStateRequest.Mounted, WekaMountOptions? options = null) => new()
    {
        Path = "/mnt/weka",
        State = state,
        Filesystem = "fs1",
        Backends = ["backend-host-0"],
        Options = options ?? new WekaMountOptions { Cores = [47], Net = ["ib0"] },
    };

    public const string GuideFstabLine =
        "backend-host-0/fs1 /mnt/weka wekafs core=47,net=ib0,x-systemd.after=weka-agent.service,x-systemd.mount-timeout=infinity,_netdev 0 0";

    public static byte[] Bytes(string text) => MountEscaping.ToBytes(text);

    public static string Text(byte[] bytes) => MountEscaping.FromBytes(bytes);

    public static MountHostState Host(string fstab, string mountInfo, MountPointKind kind = MountPointKind.Directory, string? resolved = null) =>
        new(Bytes(fstab), MountInfoTable.Parse(mountInfo), kind, resolved);
}
