using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

public class AccountPlanTests
{
    /// <summary>An in-memory passwd/group, the way NSS would answer.</summary>
    private sealed class Accounts : IAccountDatabase
    {
        public Dictionary<string, (uint Uid, uint Gid)> Users { get; } = [];

        public Dictionary<string, uint> Groups { get; } = [];

        public (uint Uid, uint Gid)? User(string name) => Users.TryGetValue(name, out var u) ? u : null;

        public string? UserName(uint uid) => Users.FirstOrDefault(u => u.Value.Uid == uid).Key;

        public uint? Group(string name) => Groups.TryGetValue(name, out var g) ? g : null;

        public string? GroupName(uint gid) => Groups.FirstOrDefault(g => g.Value == gid).Key;
    }

    private static AccountRequest Slurm(long? uid, long? gid) => new("slurm", uid, gid, "/nonexistent");

    [Fact]
    public void Missing_accounts_are_created_group_first_with_the_given_ids()
    {
        var changes = AccountPlan.Build([Slurm(64030, 64030)], new Accounts());

        Assert.Equal(
            ["groupadd --system --gid 64030 slurm",
             "useradd --system --uid 64030 --gid slurm --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin slurm"],
            changes.Select(c => c.Describe()));
    }

    [Fact]
    public void Accounts_with_the_right_ids_need_nothing()
    {
        var db = new Accounts();
        db.Users["slurm"] = (64030, 64030);
        db.Groups["slurm"] = 64030;

        Assert.Empty(AccountPlan.Build([Slurm(64030, 64030)], db));
    }

    [Fact]
    public void No_ids_given_means_the_packages_create_the_accounts()
    {
        Assert.Empty(AccountPlan.Build([Slurm(null, null)], new Accounts()));
    }

    [Fact]
    public void A_user_with_another_uid_fails_naming_both_ids_and_the_option()
    {
        var db = new Accounts();
        db.Users["slurm"] = (990, 990);
        db.Groups["slurm"] = 990;

        var e = Assert.Throws<InvalidOperationException>(() => AccountPlan.Build([Slurm(64030, null)], db));

        Assert.Contains("user 'slurm' exists with uid 990, not 64030 (slurm_uid)", e.Message);
    }

    [Fact]
    public void A_group_with_another_gid_fails_naming_the_option()
    {
        var db = new Accounts();
        db.Groups["slurm"] = 990;

        var e = Assert.Throws<InvalidOperationException>(() => AccountPlan.Build([Slurm(null, 64030)], db));

        Assert.Contains("group 'slurm' exists with gid 990, not 64030 (slurm_gid)", e.Message);
    }

    [Fact]
    public void An_id_taken_by_another_account_fails()
    {
        var db = new Accounts();
        db.Users["postgres"] = (64030, 120);
        db.Groups["postgres"] = 64030;

        Assert.Contains("belongs to group 'postgres'", Assert.Throws<InvalidOperationException>(() => AccountPlan.Build([Slurm(null, 64030)], db)).Message);
        Assert.Contains("belongs to user 'postgres'", Assert.Throws<InvalidOperationException>(() => AccountPlan.Build([Slurm(64030, null)], db)).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(65534)]
    [InlineData(4294967296)]
    public void Unusable_ids_are_refused(long id)
    {
        Assert.Throws<ArgumentException>(() => AccountPlan.Build([Slurm(id, null)], new Accounts()));
    }
}
