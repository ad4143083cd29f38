using HpcWekaSlurm.Weka.Mount;

namespace Weka.Tests.Mount;

public class FstabDocumentTests
{
    private static readonly FstabEntry Guide = new("backend-host-0/fs1", "/mnt/weka", "wekafs",
        MountOptionString.Parse("core=47,net=ib0,_netdev"));

    [Theory]
    [InlineData(MountFixtures.BaseFstab)]
    [InlineData("# only a comment, no final newline")]
    [InlineData("UUID=1 / ext4 defaults 0 1\r\n/dev/sdb1\t/data\txfs\tnoatime\t0\t2\r\n")]
    [InlineData("")]
    [InlineData("\n\n  \t\n")]
    public void Unedited_documents_render_byte_for_byte(string text)
    {
        Assert.Equal(MountFixtures.Bytes(text), FstabDocument.Parse(MountFixtures.Bytes(text)).Render());
    }

    [Fact]
    public void Bytes_that_are_not_utf8_survive_a_round_trip()
    {
        byte[] content = [.. MountFixtures.Bytes("/dev/sdb1 /data/"), 0xFF, 0xFE, .. MountFixtures.Bytes(" xfs defaults 0 0\n")];
        var document = FstabDocument.Parse(content);
        document.Append(Guide);
        Assert.Equal(content, document.Render().AsSpan(0, content.Length).ToArray());
    }

    [Fact]
    public void Octal_escapes_in_paths_are_decoded()
    {
        var document = FstabDocument.Parse(MountFixtures.Bytes("b0/fs1 /mnt/my\\040weka\\011tab wekafs num_cores=1 0 0\n"));
        var entry = document.Lines[0].Entry!;
        Assert.Equal("/mnt/my weka\ttab", entry.File);
        Assert.Equal([0], document.FindMountPoint("/mnt/my weka\ttab"));
    }

    [Fact]
    public void Non_ascii_paths_are_written_as_utf8_and_blanks_escaped()
    {
        var entry = Guide with { File = "/mnt/wéka data" };
        var document = FstabDocument.Parse([]);
        document.Append(entry);
        var rendered = System.Text.Encoding.UTF8.GetString(document.Render());
        Assert.Equal("backend-host-0/fs1 /mnt/wéka\\040data wekafs core=47,net=ib0,_netdev 0 0\n", rendered);
        Assert.Equal("/mnt/wéka data", FstabDocument.Parse(document.Render()).Lines[0].Entry!.File);
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_entries()
    {
        var document = FstabDocument.Parse(MountFixtures.Bytes("  # b0/fs1 /mnt/weka wekafs x 0 0\n\n"));
        Assert.All(document.Lines, l => Assert.Null(l.Entry));
        Assert.Empty(document.FindMountPoint("/mnt/weka"));
    }

    [Fact]
    public void A_trailing_slash_in_fstab_still_matches_the_mount_point()
    {
        var document = FstabDocument.Parse(MountFixtures.Bytes("b0/fs1 /mnt/weka/ wekafs x 0 0\n"));
        Assert.Equal([0], document.FindMountPoint("/mnt/weka"));
    }

    [Fact]
    public void Editing_an_entry_keeps_its_tabs_dump_and_pass_and_every_other_line()
    {
        var text = MountFixtures.BaseFstab + "old/fs0\t/mnt/weka\twekafs\tnum_cores=1\t0\t0\n# after\n";
        var document = FstabDocument.Parse(MountFixtures.Bytes(text));
        var index = Assert.Single(document.FindMountPoint("/mnt/weka"));
        document.Replace(index, Guide);
        Assert.Equal(
            MountFixtures.BaseFstab + "backend-host-0/fs1\t/mnt/weka\twekafs\tcore=47,net=ib0,_netdev\t0\t0\n# after\n",
            MountFixtures.Text(document.Render()));
    }

    [Fact]
    public void Editing_a_short_entry_writes_a_complete_line()
    {
        var document = FstabDocument.Parse(MountFixtures.Bytes("b0/fs1 /mnt/weka\n"));
        document.Replace(0, Guide);
        Assert.Equal("backend-host-0/fs1 /mnt/weka wekafs core=47,net=ib0,_netdev 0 0\n", MountFixtures.Text(document.Render()));
    }

    [Fact]
    public void Appending_ends_an_unterminated_last_line_first()
    {
        var document = FstabDocument.Parse(MountFixtures.Bytes("UUID=1 / ext4 defaults 0 1"));
        document.Append(Guide);
        Assert.Equal("UUID=1 / ext4 defaults 0 1\nbackend-host-0/fs1 /mnt/weka wekafs core=47,net=ib0,_netdev 0 0\n", MountFixtures.Text(document.Render()));
    }

    [Fact]
    public void Appending_follows_crlf_line_endings()
    {
        var document = FstabDocument.Parse(MountFixtures.Bytes("UUID=1 / ext4 defaults 0 1\r\n"));
        document.Append(Guide);
        Assert.EndsWith("_netdev 0 0\r\n", MountFixtures.Text(document.Render()));
    }

    [Fact]
    public void Removing_an_entry_keeps_the_lines_around_it()
    {
        var document = FstabDocument.Parse(MountFixtures.Bytes(MountFixtures.BaseFstab + MountFixtures.GuideFstabLine + "\n# tail\n"));
        document.RemoveAt(Assert.Single(document.FindMountPoint("/mnt/weka")));
        Assert.Equal(MountFixtures.BaseFstab + "# tail\n", MountFixtures.Text(document.Render()));
    }

    [Fact]
    public void Empty_options_are_written_as_defaults()
    {
        Assert.Equal("b0/fs1 /mnt/weka wekafs defaults 0 0", new FstabEntry("b0/fs1", "/mnt/weka", "wekafs", []).Render());
    }
}
