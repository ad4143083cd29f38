using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.BadInput;

/// <summary>The generators: broken tasks that must fail, odd but well-typed ones, and bytes that are not a task.</summary>
public static class BadInputGen
{
    private static readonly HashSet<string> BoolWords = new(StringComparer.OrdinalIgnoreCase) { "y", "yes", "on", "1", "true", "t", "n", "no", "off", "0", "false", "f" };

    /// <summary>Strings people and templates produce by accident: empty, huge, unicode, control characters, shell and path syntax.</summary>
    public static readonly Gen<string> OddString = Gen.Frequency(
        (3, Gen.Elements(
            "", " ", "\t", "\n", "\r\n", "a\nb\nc", "line1\r\nline2", "\0", "x\0y", "é", "日本語", "🙂🙂", "\u202eevil", "e\u0301",
            "\uFEFFbom", "'\"`$(){}[];|&<>*?~", "../../../x", "$HOME", "${PATH}", "~", "%s%n%x", "\\", "\\n", "-", "--help",
            "NodeName=evil", "#comment", "key = value", " leading", "trailing ", "null", "None", "{}", "[]", "0", "-1")),
        (3, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
        (1, Gen.Choose(1000, 300_000).Select(n => new string('x', n))),
        (1, Gen.Choose(1, 2000).Select(n => string.Concat(Enumerable.Repeat("é\n", n)))),
        (1, ArbMap.Default.GeneratorFor<string[]>().Select(lines => string.Join('\n', lines.Where(l => l is not null)))));

    public static readonly Gen<long> OddNumber = Gen.OneOf(
        Gen.Elements(0L, -1L, 1L, -2L, long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, (long)int.MaxValue + 1, 4096L, 1L << 40),
        ArbMap.Default.GeneratorFor<long>(),
        ArbMap.Default.GeneratorFor<int>().Select(i => (long)i));

    /// <summary>Any JSON value, a few levels deep.</summary>
    public static readonly Gen<JsonNode?> AnyJson = Gen.Sized(size => Json(Math.Min(size, 4)));

    /// <summary>Cases the module must refuse, naming the option or key at fault.</summary>
    public static Gen<BadInputCase> MustFail(ModuleDescriptor module)
    {
        var typed = module.Options.Where(o => o.Type != ArgType.Raw).ToList();
        var gens = new List<Gen<BadInputCase>>
        {
            Gen.Elements(typed.ToArray()).SelectMany(o => WrongType(o).Select(v => new BadInputCase("wrong-type", Verdict.Fails) { Option = o.Name, Value = v })),
            UnknownKey(module).SelectMany(key => AnyJson.Select(v => new BadInputCase("unknown-key", Verdict.Fails) { Option = key, Value = v ?? "x" })),
        };
        var withChoices = module.Options.Where(o => o.Choices is not null).ToArray();
        if (withChoices.Length > 0)
        {
            gens.Add(Gen.Elements(withChoices).SelectMany(o => OddString.Where(s => !o.Choices!.Contains(s))
                .Select(s => new BadInputCase("bad-choice", Verdict.Fails) { Option = o.Name, Value = s })));
        }

        var required = module.Options.Where(o => o.Required).ToArray();
        if (required.Length > 0)
        {
            gens.Add(Gen.Elements(required).Select(o => new BadInputCase("missing-required", Verdict.Fails) { Option = o.Name, Remove = true }));
        }

        return Delivered(Gen.OneOf(gens));
    }

    /// <summary>Well-typed values at the edges: empty, huge, unicode, negative, enormous; half of them in check mode.</summary>
    public static Gen<BadInputCase> Odd(ModuleDescriptor module)
    {
        var valueCases = Gen.Elements(module.Options.ToArray()).SelectMany(o => OddValue(o).Select(v => new BadInputCase("odd-value", Verdict.FailsOrSucceeds) { Option = o.Name, Value = v }));
        var ansibleKeys = Gen.Elements("_ansible_check_mode", "_ansible_diff", "_ansible_verbosity", "_ansible_no_log", "_ansible_module_name", "_ansible_debug")
            .SelectMany(k => AnyJson.Select(v => new BadInputCase("odd-ansible-key", Verdict.FailsOrSucceeds) { Option = k, Value = v }));
        var cases = Gen.Frequency((6, valueCases), (1, ansibleKeys));
        var applyAllowed = module.ApplyIsSafe;
        return Delivered(cases.SelectMany(c => Gen.Elements(true, applyAllowed ? false : true).Select(check => c with { CheckMode = check })));
    }

    /// <summary>Args that are not a JSON object of options, a missing args file, wrong argv.</summary>
    public static Gen<BadInputCase> Malformed(ModuleDescriptor module)
    {
        var valid = Encoding.UTF8.GetBytes(new JsonObject { ["path"] = "/nonexistent/x", ["state"] = "present" }.ToJsonString());
        var truncated = Gen.Choose(0, valid.Length - 1).Select(n => valid[..n]);
        var notObjects = Gen.Elements("[]", "\"x\"", "1", "null", "true", "[{}]", "\"{}\"").Select(Encoding.UTF8.GetBytes);
        var garbage = ArbMap.Default.GeneratorFor<byte[]>().Where(b => b is not null).Select(b => b.Prepend((byte)'{').ToArray()).Where(b => !IsJson(b));
        var invalidUtf8 = Gen.Elements<byte[]>([.. "{\"path\": \""u8, 0xC3, 0x28, .. "\"}"u8], [0xFF, 0xFE, .. "{}"u8], [.. "{\"a\":\"\\ud800\"}"u8]);
        var deep = Gen.Choose(129, 5000).Select(n => Encoding.UTF8.GetBytes(new string('[', n) + new string(']', n)).Prepend((byte)'{').ToArray());
        var trailing = Gen.Elements("{} {}", "{}x", "{\"a\":1}}", "{\"a\":1,}", "{'a': 1}", "{a: 1}", "{\"a\":1 /* c */}").Select(Encoding.UTF8.GetBytes);
        var raws = Gen.OneOf(truncated, notObjects, garbage, invalidUtf8, deep, trailing)
            .Select(raw => new BadInputCase("malformed", Verdict.Fails) { Raw = raw, MustName = "JSON|arguments" });
        var argv = Gen.Elements<IReadOnlyList<string>>([], ["a", "b"], ["/nonexistent/args.json"], [""], ["/"], ["/dev/null"])
            .Select(a => new BadInputCase("argv", Verdict.Fails) { Argv = a, MustName = a.Count == 1 && a[0].Length > 0 && a[0] != "/dev/null" ? a[0] : "arguments|ARGS_FILE|JSON" });
        return Gen.Frequency((1, argv), (5, Delivered(raws)));
    }

    private static bool IsJson(byte[] bytes)
    {
        try
        {
            JsonNode.Parse(bytes);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static Gen<BadInputCase> Delivered(Gen<BadInputCase> cases) =>
        cases.SelectMany(c => Gen.Elements(false, true).Select(stdin => c.Argv is null ? c with { ViaStdin = stdin } : c));

    private static Gen<string> UnknownKey(ModuleDescriptor module)
    {
        var known = module.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet();
        return Gen.OneOf(OddString, Gen.Elements("Path", "PATH", "state ", "dest2", "settings.x", "owner\n", "__proto__"))
            .Where(k => k.Length < 5000 && !known.Contains(k) && !k.StartsWith("_ansible_", StringComparison.Ordinal));
    }

    /// <summary>JSON values that the option's type cannot take.</summary>
    private static Gen<JsonNode?> WrongType(OptionShape option)
    {
        var obj = AnyJson.Select(v => (JsonNode?)new JsonObject { ["k"] = v });
        var arr = AnyJson.Select(v => (JsonNode?)new JsonArray(v));
        var letters = Gen.Elements("abc", "yes please", "12abc", "0x1F", "1.5", "∞", "one", "NaN", "1e3", "--1");
        return option.Type switch
        {
            ArgType.Str or ArgType.Path => Gen.OneOf(obj, arr),
            ArgType.Bool => Gen.OneOf(obj, arr,
                Gen.Elements(2.0, -1.0, 0.5, 1e300).Select(d => (JsonNode?)JsonValue.Create(d)),
                OddString.Where(s => !BoolWords.Contains(s.Trim())).Select(s => (JsonNode?)JsonValue.Create(s))),
            ArgType.Int => Gen.OneOf(obj, arr,
                Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
                Gen.Elements(0.5, -1.25, 1e19, -1e300).Select(d => (JsonNode?)JsonValue.Create(d)),
                letters.Select(s => (JsonNode?)JsonValue.Create(s))),
            ArgType.Float => Gen.OneOf(obj, arr, Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)), letters.Where(s => s is not "1.5" and not "1e3").Select(s => (JsonNode?)JsonValue.Create(s))),
            ArgType.List => Gen.OneOf(obj, Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b))),
            ArgType.Dict => Gen.OneOf(arr,
                Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
                OddNumber.Select(n => (JsonNode?)JsonValue.Create(n)),
                Gen.Elements("abc", "a,b", "{not json", "=x", "k=v,novalue").Select(s => (JsonNode?)JsonValue.Create(s))),
            _ => throw new ArgumentException($"no wrong type for {option.Type}"),
        };
    }

    /// <summary>Values of the option's own type, at the edges.</summary>
    private static Gen<JsonNode?> OddValue(OptionShape option)
    {
        var str = option.IsPath
            ? OddString.Select(s => (JsonNode?)JsonValue.Create(BadInputCase.SandboxMarker + string.Join('/', s.Split('/').Where(p => p != ".."))))
            : OddString.Select(s => (JsonNode?)JsonValue.Create(s));
        var number = OddNumber.Select(n => (JsonNode?)JsonValue.Create(n));
        var numericString = OddNumber.Select(n => (JsonNode?)JsonValue.Create($" {n} "));
        var list = Gen.OneOf(
            Gen.Constant((JsonNode?)new JsonArray()),
            OddString.ListOf().Select(l => (JsonNode?)new JsonArray([.. l.Select(s => (JsonNode?)JsonValue.Create(s))])),
            OddNumber.ListOf().Select(l => (JsonNode?)new JsonArray([.. l.Select(n => (JsonNode?)JsonValue.Create(n))])),
            AnyJson.Select(v => (JsonNode?)new JsonArray(v, null)),
            OddString.Select(s => (JsonNode?)JsonValue.Create(s)));
        var dict = Gen.OneOf(
            Gen.Constant((JsonNode?)new JsonObject()),
            OddString.Where(k => k.Length < 5000).SelectMany(k => AnyJson.Select(v => (JsonNode?)new JsonObject { [k] = v })),
            OddString.Where(k => k.Length < 5000).SelectMany(k => OddString.Select(v => (JsonNode?)new JsonObject { [k] = v })),
            Gen.Elements("a=b,c=d", "", "{\"k\": 1}", " a = b ").Select(s => (JsonNode?)JsonValue.Create(s)));
        var boolean = Gen.Elements<JsonNode?>("yes", "off", "TRUE", " 1 ", 0, 1, 1.0, true, false, "f");
        return option.Type switch
        {
            ArgType.Str or ArgType.Path => Gen.Frequency((5, str), (1, number)),
            ArgType.Bool => boolean,
            ArgType.Int => Gen.OneOf(number, numericString),
            ArgType.Float => Gen.OneOf(number, numericString, Gen.Elements(1e308, -0.0, 5e-324).Select(d => (JsonNode?)JsonValue.Create(d))),
            ArgType.List => list,
            ArgType.Dict => dict,
            _ => Gen.OneOf(str, number, boolean, AnyJson),
        };
    }

    private static Gen<JsonNode?> Json(int depth)
    {
        var scalars = Gen.OneOf(
            Gen.Constant((JsonNode?)null),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            OddNumber.Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Elements(0.5, -1e300, 1e-300).Select(d => (JsonNode?)JsonValue.Create(d)),
            OddString.Where(s => s.Length < 2000).Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth <= 0)
        {
            return scalars;
        }

        var inner = Json(depth - 1);
        return Gen.Frequency(
            (4, scalars),
            (1, inner.ListOf().Select(l => (JsonNode?)new JsonArray([.. l.Take(5).Select(n => n?.DeepClone())]))),
            (1, inner.Select(v => (JsonNode?)new JsonObject { ["key"] = v?.DeepClone(), ["other"] = 1 })));
    }
}
