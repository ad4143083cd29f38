using System.Text.Json.Nodes;
using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Secrets;

/// <summary>munge_key (the key) and slurmdbd_conf (StoragePass): every code path (issues 3 and 4).</summary>
public static class SecretModules
{
    private static readonly byte[] SeededKey = MungeKeys.Key(0);
    private static readonly byte[] NewKey = MungeKeys.Key(5);

    /// <summary>A secret given in a value that is not a valid key (the module cannot decode it, it must still hide it).</summary>
    private const string NotBase64Secret = "Not*Base64*But*Secret*Value*31337";

    public static readonly IReadOnlyList<SecretModule> All = [Munge(), Dbd()];

    public static SecretModule Get(string module) => All.Single(m => m.Module == module);

    public static IEnumerable<object[]> Cases() => All.SelectMany(m => m.Cases.Select(c => new object[] { m.Module, c.Name }));

    private static SecretModule Munge()
    {
        JsonObject Task(Sandbox s, JsonObject extra)
        {
            extra["path"] = MungeKeys.Path(s);
            return extra;
        }

        JsonObject Install(Sandbox s) => Task(s, new JsonObject { ["content"] = Convert.ToBase64String(NewKey), ["force"] = true, ["backup"] = true });
        JsonObject With(JsonObject o, string key, JsonNode? value)
        {
            o[key] = value;
            return o;
        }

        return new SecretModule("munge_key")
        {
            Seed = MungeKeys.Seed,
            Target = MungeKeys.Path,
            Owner = "munge",
            Secrets = [.. Forms(SeededKey), .. Forms(NewKey), NotBase64Secret],
            RawSecrets = [SeededKey[..32], NewKey[..32]],
            Cases =
            [
                new("rotate", Install),
                new("rotate-check", s => With(Install(s), "_ansible_check_mode", true)),
                new("rotate-diff", s => With(Install(s), "_ansible_diff", true)),
                new("rotate-diff-check-verbosity-4", s => With(With(With(Install(s), "_ansible_diff", true), "_ansible_check_mode", true), "_ansible_verbosity", 4)),
                new("rotate-verbosity-4", s => With(With(Install(s), "_ansible_diff", true), "_ansible_verbosity", 4)),
                new("in-place", s => Task(s, new JsonObject { ["content"] = Convert.ToBase64String(SeededKey), ["_ansible_diff"] = true, ["_ansible_verbosity"] = 4 })),
                new("generate-existing", s => Task(s, new JsonObject { ["generate"] = true, ["_ansible_diff"] = true })),
                new("generate-force-rotation", s => Task(s, new JsonObject { ["generate"] = true, ["force"] = true, ["backup"] = true, ["_ansible_diff"] = true })),
                new("remove-with-backup", s => Task(s, new JsonObject { ["state"] = "absent", ["backup"] = true, ["_ansible_diff"] = true, ["_ansible_verbosity"] = 4 })),
                new("return-content-under-no-log", s => Task(s, new JsonObject { ["return_content"] = true, ["_ansible_no_log"] = true, ["_ansible_diff"] = true }))
                {
                    Disclosed = ["content"],
                },
                new("different-key-without-force", s => Task(s, new JsonObject { ["content"] = Convert.ToBase64String(NewKey), ["_ansible_diff"] = true, ["_ansible_verbosity"] = 4 }))
                {
                    Fails = true,
                },
                new("return-content-without-no-log", s => With(Install(s), "return_content", true)) { Fails = true, MustSay = "no_log" },
                new("mode-readable-by-group", s => With(Install(s), "mode", "0640")) { Fails = true, MustSay = "mode" },
                new("not-base64", s => Task(s, new JsonObject { ["content"] = NotBase64Secret, ["_ansible_verbosity"] = 4 })) { Fails = true, MustSay = "content" },
                new("too-short", s => Task(s, new JsonObject { ["content"] = Convert.ToBase64String(NewKey[..16]), ["force"] = true })) { Fails = true },
                new("content-and-generate", s => With(Install(s), "generate", true)) { Fails = true, MustSay = "generate" },
                new("unknown-option", s => With(Install(s), "colour", "blue")) { Fails = true, MustSay = "colour" },
                new("wrong-type", s => With(Install(s), "size", "big")) { Fails = true, MustSay = "size" },
                new("missing-owner", s => With(Install(s), "owner", "no-such-user-x")) { Fails = true, MustSay = "no-such-user-x" },
                new("symlink-planted", Install) { Fails = true, MustSay = "symbolic link", Prepare = PlantSymlink(MungeKeys.Path) },
                new("read-only-filesystem", Install) { Fails = true, MustSay = "Read-only", OnTmpfs = true, Prepare = s => s.MakeReadOnly() },
            ],
        };
    }

    private static SecretModule Dbd()
    {
        JsonObject Task(Sandbox s, JsonObject extra)
        {
            extra["path"] = DbdConf.Path(s);
            extra["slurm_version"] = Modules.ModuleTable.SlurmVersion;
            return extra;
        }

        var password = DbdConf.Password(5);
        JsonObject Rotate(Sandbox s) => Task(s, new JsonObject { ["storage_pass"] = password, ["backup"] = true });
        JsonObject With(JsonObject o, string key, JsonNode? value)
        {
            o[key] = value;
            return o;
        }

        return new SecretModule("slurmdbd_conf")
        {
            Seed = DbdConf.Seed,
            Target = DbdConf.Path,
            Owner = "slurm",
            Secrets = [DbdConf.SeededPassword, password],
            Cases =
            [
                new("rotate", Rotate),
                new("rotate-check", s => With(Rotate(s), "_ansible_check_mode", true)),
                new("rotate-diff", s => With(Rotate(s), "_ansible_diff", true)),
                new("rotate-diff-check-verbosity-4", s => With(With(With(Rotate(s), "_ansible_diff", true), "_ansible_check_mode", true), "_ansible_verbosity", 4)),
                new("rotate-verbosity-4", s => With(With(Rotate(s), "_ansible_diff", true), "_ansible_verbosity", 4)),
                new("other-setting-diff", s => Task(s, new JsonObject { ["settings"] = new JsonObject { ["DbdPort"] = 6819 }, ["backup"] = true, ["_ansible_diff"] = true, ["_ansible_verbosity"] = 4 })),
                new("same-password", s => Task(s, new JsonObject { ["storage_pass"] = DbdConf.SeededPassword, ["_ansible_diff"] = true })),
                new("password-among-settings", s => With(Rotate(s), "settings", new JsonObject { ["StoragePass"] = password, ["_ansible_diff"] = true }))
                {
                    Fails = true,
                    MustSay = "StoragePass",
                },
                new("mode-readable-by-group", s => With(Rotate(s), "mode", "0640")) { Fails = true, MustSay = "mode" },
                new("owner-not-slurm-user", s => With(Rotate(s), "owner", "root")) { Fails = true, MustSay = "owner" },
                new("unknown-option", s => With(Rotate(s), "colour", "blue")) { Fails = true, MustSay = "colour" },
                new("wrong-type", s => With(Rotate(s), "settings", new JsonArray(password))) { Fails = true, MustSay = "settings" },
                new("bad-setting", s => With(Rotate(s), "settings", new JsonObject { ["DbdPort"] = "6819\nStoragePass=" + password })) { Fails = true },
                new("symlink-planted", Rotate) { Fails = true, MustSay = "symbolic link", Prepare = PlantSymlink(DbdConf.Path) },
                new("read-only-filesystem", Rotate) { Fails = true, MustSay = "Read-only", OnTmpfs = true, Prepare = s => s.MakeReadOnly() },
            ],
        };
    }

    /// <summary>Every text form a key could leak as: base64, hex both cases, and a wrapped-base64 line.</summary>
    private static IEnumerable<string> Forms(byte[] key)
    {
        var base64 = Convert.ToBase64String(key);
        return [base64, Convert.ToHexStringLower(key), Convert.ToHexString(key), base64[100..164]];
    }

    /// <summary>Moves the secret file away and puts a symlink to a decoy in its place.</summary>
    private static Action<Sandbox> PlantSymlink(Func<Sandbox, string> target) => s =>
    {
        var decoy = s.Write("decoy/stolen", "decoy\n");
        File.Delete(target(s));
        File.CreateSymbolicLink(target(s), decoy);
    };
}
