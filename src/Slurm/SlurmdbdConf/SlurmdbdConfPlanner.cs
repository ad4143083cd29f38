using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Restarts;

namespace HpcWekaSlurm.Slurm.SlurmdbdConf;

/// <summary>The slurmdbd.conf a task asks for; the database password travels apart from the other keys.</summary>
public sealed record SlurmdbdConfRequest
{
    public IReadOnlyList<KeyValuePair<string, DesiredValue?>> Settings { get; init; } = [];

    /// <summary>StoragePass to write; null leaves the file's password as it is.</summary>
    public string? StoragePass { get; init; }
}

/// <summary>
/// Plans a slurmdbd.conf edit. StoragePass never appears in what the plan reports: its change is
/// shown masked and <see cref="Redact"/> renders the file for a diff with the password hidden.
/// </summary>
public static class SlurmdbdConfPlanner
{
    public const string SecretKey = "StoragePass";
    public const string Mask = "********";

    /// <summary>Keys slurmdbd applies only when it starts; the others it re-reads on SIGHUP (systemctl reload).</summary>
    private static readonly HashSet<string> RestartKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "AuthAltTypes", "AuthInfo", "AuthType", "CommunicationParameters", "DbdAddr", "DbdBackupHost", "DbdHost", "DbdPort",
        "PidFile", "PluginDir", "SlurmUser", "StorageHost", "StorageLoc", "StorageParameters", SecretKey, "StoragePort",
        "StorageType", "StorageUser", "StorageBackupHost",
    };

    /// <exception cref="ArgumentException">StoragePass given among the plain settings, or a value that cannot be written.</exception>
    public static ConfPlan Plan(byte[] current, SlurmdbdConfRequest request)
    {
        if (request.Settings.Any(s => string.Equals(s.Key, SecretKey, StringComparison.OrdinalIgnoreCase) && s.Value is not null))
        {
            throw new ArgumentException($"give the database password as storage_pass (a no_log option), not as {SecretKey} in settings");
        }

        var document = ConfDocument.Parse(current, ConfDialect.KeyValue);
        var changes = new List<ConfChange>();
        var settings = request.Settings.ToList();
        if (request.StoragePass is { } password)
        {
            if (password.Contains('#'))
            {
                // slurmdbd.conf(5): "The '#' character is not permitted in a password."
                throw new ArgumentException("storage_pass contains '#', which slurmdbd.conf does not permit in a password");
            }

            settings.Add(new(SecretKey, DesiredValue.Of(password)));
        }

        foreach (var (key, value) in settings)
        {
            if (ConfEditor.SetSetting(document, key, value) is { } change)
            {
                changes.Add(string.Equals(key, SecretKey, StringComparison.OrdinalIgnoreCase)
                    ? change with { Before = change.Before is null ? null : Mask, After = change.After is null ? null : Mask }
                    : change);
            }
        }

        var after = document.ToBytes();
        ReadBack.Verify(after, ConfDialect.KeyValue, settings);

        var warnings = new List<string>();
        var final = ConfDocument.Parse(after, ConfDialect.KeyValue);
        if (final.SettingValue("DbdHost") is null)
        {
            warnings.Add("slurmdbd.conf has no DbdHost: slurmdbd will not start without it");
        }

        var impacts = changes.Select(c => RestartKeys.Contains(c.Key!)
            ? new Impact($"slurmdbd.conf {c.Key} changed: restart slurmdbd", [Daemons.Slurmdbd])
            : Impact.Reconfigure($"slurmdbd.conf {c.Key} changed: reload slurmdbd (SIGHUP)")).ToList();
        return new ConfPlan(current, after, changes, RestartDecision.From(impacts), warnings, []);
    }

    /// <summary>The file as a diff may show it: the password (and any commented-out one) masked.</summary>
    public static string Redact(byte[] content) =>
        ConfText.ToDisplay(ConfDocument.Parse(content, ConfDialect.KeyValue).Redacted([SecretKey], Mask));

    /// <summary>The password the file holds now (to scrub it from every output), or null.</summary>
    public static string? CurrentPassword(byte[] content) =>
        ConfDocument.Parse(content, ConfDialect.KeyValue).SettingValue(SecretKey) is { } v ? ConfText.ToDisplay(v) : null;
}
