using HpcWekaSlurm.Weka.Mount;

namespace Weka.Tests.Mount;

public class WekaMountRequestTests
{
    private static WekaMountRequest Request(string path = "/mnt/weka", string? filesystem = "fs1", IReadOnlyList<string>? backends = null, string? source = null,
        MountStateRequest state = MountStateRequest.Mounted) =>
        new() { Path = path, Filesystem = filesystem, Backends = backends, Source = source, State = state };

    [Fact]
    public void Backends_and_filesystem_make_the_source()
    {
        var request = Request(backends: ["b0", "b1"]);
        Assert.Empty(request.Validate());
        Assert.Equal("b0,b1/fs1", request.MountSource!.Text);
    }

    [Fact]
    public void Filesystem_alone_mounts_through_the_joined_cluster()
    {
        Assert.Equal("fs1", Request().MountSource!.Text);
    }

    [Theory]
    [InlineData("b0,b1/fs1", "fs1")]
    [InlineData("b0:/fs1", "fs1")]
    [InlineData("10.0.0.1,10.0.0.2/default", "default")]
    public void Raw_sources_are_kept_as_given(string source, string filesystem)
    {
        var request = Request(filesystem: null, source: source);
        Assert.Empty(request.Validate());
        Assert.Equal(source, request.MountSource!.Text);
        Assert.Equal(filesystem, request.MountSource.Filesystem);
    }

    [Fact]
    public void Empty_backends_is_an_error()
    {
        var error = Assert.Single(Request(backends: []).Validate());
        Assert.Equal("backends", error.Option);
        Assert.Contains("the list is empty", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("b 0")]
    [InlineData("b0/x")]
    public void Malformed_backends_are_errors(string backend)
    {
        Assert.Equal("backends", Assert.Single(Request(backends: [backend]).Validate()).Option);
    }

    [Fact]
    public void Backends_without_filesystem_is_an_error()
    {
        Assert.Equal("filesystem", Assert.Single(Request(filesystem: null, backends: ["b0"]).Validate()).Option);
    }

    [Fact]
    public void Source_with_filesystem_is_an_error()
    {
        Assert.Equal("source", Assert.Single(Request(source: "b0/fs1").Validate()).Option);
    }

    [Theory]
    [InlineData("b0/")]
    [InlineData(",b0/fs1")]
    [InlineData("b0/fs 1")]
    public void Malformed_sources_are_errors(string source)
    {
        Assert.Equal("source", Assert.Single(Request(filesystem: null, source: source).Validate()).Option);
    }

    [Theory]
    [InlineData("fs/1")]
    [InlineData("fs,1")]
    [InlineData("")]
    public void Malformed_filesystem_names_are_errors(string filesystem)
    {
        Assert.Equal("filesystem", Assert.Single(Request(filesystem: filesystem).Validate()).Option);
    }

    [Theory]
    [InlineData(MountStateRequest.Mounted)]
    [InlineData(MountStateRequest.Present)]
    [InlineData(MountStateRequest.Remounted)]
    public void States_that_mount_need_a_filesystem(MountStateRequest state)
    {
        Assert.Equal("filesystem", Assert.Single(Request(filesystem: null, state: state).Validate()).Option);
    }

    [Theory]
    [InlineData(MountStateRequest.Unmounted)]
    [InlineData(MountStateRequest.Absent)]
    public void States_that_unmount_need_only_the_path(MountStateRequest state)
    {
        Assert.Empty(Request(filesystem: null, state: state).Validate());
    }

    [Theory]
    [InlineData("mnt/weka", "not an absolute path")]
    [InlineData("/", "cannot be a WEKA mount point")]
    [InlineData("/mnt/../weka", "'..'")]
    [InlineData("/mnt/we\nka", "newline")]
    [InlineData("", "empty")]
    public void Bad_mount_points_are_errors(string path, string words)
    {
        var error = Assert.Single(Request(path: path).Validate());
        Assert.Equal("path", error.Option);
        Assert.Contains(words, error.Message);
    }

    [Fact]
    public void Each_mount_command_may_run_ten_minutes_by_default()
    {
        Assert.Equal(600, Request().TimeoutSeconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(86401)]
    [InlineData(long.MaxValue)]
    public void A_timeout_outside_one_second_to_a_day_is_an_error(long seconds)
    {
        var error = Assert.Single((Request() with { TimeoutSeconds = seconds }).Validate());
        Assert.Equal("timeout", error.Option);
        Assert.Contains($"must be from 1 to 86400 (seconds each mount or umount command may run), got {seconds}", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(86400)]
    public void A_timeout_from_one_second_to_a_day_is_taken(long seconds)
    {
        Assert.Empty((Request() with { TimeoutSeconds = seconds }).Validate());
    }

    [Fact]
    public void Mount_point_is_normalized_as_mountinfo_shows_it()
    {
        Assert.Equal("/mnt/weka", Request(path: "/mnt//weka/./").MountPoint);
    }
}
