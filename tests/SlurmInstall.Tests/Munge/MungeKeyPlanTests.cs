using HpcWekaSlurm.Slurm.Munge;

namespace HpcWekaSlurm.SlurmInstall.Tests.Munge;

public class MungeKeyPlanTests
{
    private static readonly byte[] Old = Filled(0x11, 64);
    private static readonly byte[] New = Filled(0x22, 64);

    private static byte[] Filled(byte value, int size) => Enumerable.Repeat(value, size).ToArray();

    private static byte[] Generator(int size) => Filled(0x33, size);

    private static MungeKeyPlan Decide(byte[]? content = null, bool generate = false, bool force = false, byte[]? current = null, int size = 128) =>
        MungeKeyPlan.Decide(new MungeKeyRequest(content, generate, size, force), current, Generator);

    [Fact]
    public void Content_is_installed_where_there_is_no_key()
    {
        var plan = Decide(content: New);

        Assert.Equal(New, plan.Key);
        Assert.False(plan.Generated);
        Assert.False(plan.Replaces);
    }

    [Fact]
    public void Content_equal_to_the_key_on_disk_changes_nothing()
    {
        var plan = Decide(content: New, current: New.ToArray());

        Assert.Equal(New, plan.Key);
        Assert.False(plan.Replaces);
    }

    [Fact]
    public void Different_content_without_force_is_refused_naming_both_fingerprints_and_force()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Decide(content: New, current: Old));

        Assert.Contains("force: true", e.Message);
        Assert.Contains(MungeKey.Fingerprint(Old), e.Message);
        Assert.Contains(MungeKey.Fingerprint(New), e.Message);
    }

    [Fact]
    public void Different_content_with_force_replaces_the_key()
    {
        var plan = Decide(content: New, current: Old, force: true);

        Assert.Equal(New, plan.Key);
        Assert.True(plan.Replaces);
    }

    [Fact]
    public void Generate_creates_a_key_of_the_given_size_only_when_there_is_none()
    {
        var created = Decide(generate: true, size: 48);
        var kept = Decide(generate: true, current: Old);

        Assert.True(created.Generated);
        Assert.Equal(48, created.Key.Length);
        Assert.False(kept.Generated);
        Assert.Equal(Old, kept.Key);
    }

    [Fact]
    public void Generate_with_force_rotates_an_existing_key()
    {
        var plan = Decide(generate: true, force: true, current: Old);

        Assert.True(plan.Generated);
        Assert.True(plan.Replaces);
        Assert.Equal(Generator(128), plan.Key);
    }

    [Fact]
    public void Generate_refuses_to_keep_an_existing_key_munged_would_reject()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Decide(generate: true, current: Filled(1, 16)));

        Assert.Contains("16 bytes", e.Message);
        Assert.Contains("force: true", e.Message);
    }

    [Fact]
    public void Neither_content_nor_generate_keeps_the_existing_key()
    {
        var plan = Decide(current: Old);

        Assert.Equal(Old, plan.Key);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Neither_content_nor_generate_warns_about_a_key_munged_would_reject()
    {
        var plan = Decide(current: Filled(1, 8));

        Assert.Contains(plan.Warnings, w => w.Contains("8 bytes"));
    }

    [Fact]
    public void Neither_content_nor_generate_without_a_key_says_how_to_get_one()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Decide());

        Assert.Contains("generate: true", e.Message);
        Assert.Contains("content", e.Message);
    }
}
