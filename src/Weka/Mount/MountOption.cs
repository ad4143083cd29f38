namespace HpcWekaSlurm.Weka.Mount;

/// <summary>One option of a mount option string: <c>key=value</c>, or a flag such as <c>ro</c> (null value).</summary>
public sealed record MountOption(string Key, string? Value)
{
    public static MountOption Parse(string text)
    {
        var eq = text.IndexOf('=');
        return eq < 0 ? new MountOption(text, null) : new MountOption(text[..eq], text[(eq + 1)..]);
    }

    public override string ToString() => Value is null ? Key : $"{Key}={Value}";
}

/// <summary>Comma-separated mount option strings as fstab, mount(8) and mountinfo write them.</summary>
public static class MountOptionString
{
    /// <summary>Splits on commas (empty items dropped); <paramref name="decode"/> applies to each item (mountinfo escapes inside values).</summary>
    public static IReadOnlyList<MountOption> Parse(string text, Func<string, string>? decode = null) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(item => MountOption.Parse(decode is null ? item : decode(item)))
            .ToList();

    public static string Format(IEnumerable<MountOption> options) => string.Join(',', options.Select(o => o.ToString()));

    /// <summary>Every value of a repeatable option (<c>core=</c>, <c>net=</c>), in order; a flag counts as an empty value.</summary>
    public static IReadOnlyList<string> Values(this IEnumerable<MountOption> options, string key) =>
        options.Where(o => o.Key == key).Select(o => o.Value ?? string.Empty).ToList();

    public static bool Has(this IEnumerable<MountOption> options, string key) => options.Any(o => o.Key == key);

    /// <summary>
    /// Options that only mean something to fstab, systemd or mount(8) itself and must not reach the
    /// filesystem: <c>x-*</c> (systemd, udisks), <c>_netdev</c>, <c>nofail</c>, <c>noauto</c>/<c>auto</c>, <c>comment=</c>.
    /// </summary>
    public static bool IsFstabOnly(MountOption option) =>
        option.Key.StartsWith("x-", StringComparison.Ordinal) ||
        option.Key is "_netdev" or "nofail" or "noauto" or "auto" or "comment" or "defaults";
}
