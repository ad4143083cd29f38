using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>The per-user binary cache on the host: upload once, reuse, replace, refuse what is unsafe.</summary>
[Collection(AnsibleCollection.Name)]
public sealed class CacheTests(DockerEnvironment docker)
{
    public static TheoryData<string> Kinds => ["local", "docker"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void First_task_uploads_the_binary_and_later_tasks_run_it_in_one_remote_command(string kind)
    {
        using var target = Target.Create(kind, docker);
        var run = Playbook.Run(target, string.Join('\n',
            Cache.ServiceConfTask("first"), Cache.ServiceConfTask("second"), Cache.ServiceConfTask("third"))).EnsureSuccess();

        var first = run.Task("first");
        Assert.Single(first.Uploads);
        Assert.Equal(3, first.Commands.Count); // cache miss, upload, run
        foreach (var later in new[] { run.Task("second"), run.Task("third") })
        {
            Assert.Equal([.. later.CachedRuns], later.Commands);
            Assert.Single(later.Commands);
            Assert.False(later.Result["changed"]!.GetValue<bool>());
        }

        Assert.True(first.Result["changed"]!.GetValue<bool>());
        Assert.All(run.Tasks, t => Assert.Empty(t.Puts));
        Assert.Equal([Cache.EntryName(Cache.InstalledBinary(Repo.Collections))], target.List(target.RootCacheDir));
        Assert.Equal("root 700", target.OwnerAndMode(target.RootCacheDir));
        Assert.Equal("root 700", target.OwnerAndMode($"{target.RootCacheDir}/{Cache.EntryName(Cache.InstalledBinary(Repo.Collections))}"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_changed_binary_is_uploaded_again_and_the_old_build_removed(string kind)
    {
        using var target = Target.Create(kind, docker);
        var collections = Cache.CopyCollections(Path.Combine(Path.GetTempPath(), "hpc-fastpath-collections-" + Guid.NewGuid().ToString("N")[..12]));
        try
        {
            var binary = Cache.InstalledBinary(collections);
            var oldEntry = Cache.EntryName(binary);
            Playbook.Run(target, Cache.ServiceConfTask("before"), collections: collections).EnsureSuccess();
            Assert.Equal([oldEntry], target.List(target.RootCacheDir));

            // A new build: trailing bytes change the hash and leave the ELF runnable.
            File.AppendAllText(binary, "new build");
            var newEntry = Cache.EntryName(binary);
            var run = Playbook.Run(target, Cache.ServiceConfTask("after"), collections: collections).EnsureSuccess();

            Assert.Single(run.Task("after").Uploads);
            Assert.Contains("already has the requested settings", run.Task("after").Result["msg"]!.GetValue<string>());
            Assert.Equal([newEntry], target.List(target.RootCacheDir));
        }
        finally
        {
            Directory.Delete(collections, recursive: true);
        }
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "local", "chmod 0777 \"$f\"" },
        { "docker", "chmod 0777 \"$f\"" },
        { "local", "chown nobody \"$f\"" },
        { "docker", "chown nobody \"$f\"" },
        { "local", "chmod 0777 \"$(dirname \"$f\")\"" },
        { "docker", "chmod 0777 \"$(dirname \"$f\")\"" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void A_cached_binary_writable_by_others_or_owned_by_another_user_is_not_run_and_is_replaced(string kind, string tamper)
    {
        using var target = Target.Create(kind, docker);
        Playbook.Run(target, Cache.ServiceConfTask("cache it")).EnsureSuccess();
        var marker = $"{target.Scratch}/tampered-binary-ran";
        target.Shell(Cache.ReplaceCachedWith(target.RootCacheDir, $"touch {marker}; echo '{{\"changed\": false, \"msg\": \"tampered\"}}'"));
        target.Shell($"f={Cache.CachedFile(target.RootCacheDir)} && {tamper}");

        var run = Playbook.Run(target, Cache.ServiceConfTask("after tampering")).EnsureSuccess();

        var task = run.Task("after tampering");
        Assert.Equal("False", target.Shell($"[ -e {marker} ] && echo True || echo False").Trim());
        Assert.Contains("already has the requested settings", task.Result["msg"]!.GetValue<string>());
        Assert.Contains("was not run", task.Warnings);
        Assert.Single(task.Uploads);
        var entry = Cache.EntryName(Cache.InstalledBinary(Repo.Collections));
        Assert.Equal([entry], target.List(target.RootCacheDir));
        Assert.Equal("root 700", target.OwnerAndMode($"{target.RootCacheDir}/{entry}"));
        Assert.Equal("root 700", target.OwnerAndMode(target.RootCacheDir));
        Assert.Equal(entry.Split('.')[^1], target.Shell($"sha256sum {target.RootCacheDir}/{entry} | cut -d' ' -f1").Trim());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Become_to_an_unprivileged_user_gets_a_cache_of_its_own(string kind)
    {
        using var target = Target.Create(kind, docker);
        var run = Playbook.Run(target, string.Join('\n',
            Cache.ServiceConfTask("as root", "root.conf"),
            Cache.ServiceConfTask("as user", "user.conf") + "\n  become: true\n  become_method: su\n  become_user: " + target.User,
            Cache.ServiceConfTask("as user again", "user.conf") + "\n  become: true\n  become_method: su\n  become_user: " + target.User)).EnsureSuccess();

        Assert.Single(run.Task("as user").Uploads);
        Assert.Single(run.Task("as user again").Commands);
        var entry = Cache.EntryName(Cache.InstalledBinary(Repo.Collections));
        Assert.Equal([entry], target.List(target.UserCacheDir));
        Assert.Equal($"{target.User} 700", target.OwnerAndMode(target.UserCacheDir));
        Assert.Equal($"{target.User} 700", target.OwnerAndMode($"{target.UserCacheDir}/{entry}"));
        Assert.StartsWith(target.User + " ", target.OwnerAndMode($"{target.Scratch}/user.conf"));
        Assert.Equal([entry], target.List(target.RootCacheDir));
    }
}
