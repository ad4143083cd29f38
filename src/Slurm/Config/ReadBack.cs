namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// The last guard before a write: parse the planned bytes again and check that every requested
/// setting reads back as asked. An edit that Slurm would read differently is a bug, never a file.
/// </summary>
public static class ReadBack
{
    /// <exception cref="InvalidOperationException">The planned text does not read back as requested.</exception>
    public static void Verify(byte[] planned, ConfDialect dialect, IEnumerable<KeyValuePair<string, DesiredValue?>> settings)
    {
        var document = ConfDocument.Parse(planned, dialect);
        foreach (var (key, value) in settings)
        {
            var found = document.SettingIndexes(key).Select(i => ConfText.ToDisplay(document.Records[i].Pairs[0].Value)).ToList();
            var expected = value?.Values ?? [];
            if (found.Count != expected.Count || found.Where((v, i) => !value!.Matches(v, i)).Any())
            {
                // Values are left out: this may be a secret (StoragePass).
                throw new InvalidOperationException(
                    $"the edited {dialect.Name} would not read {key} as requested ({found.Count} value(s) instead of {expected.Count} matching ones); nothing was written (please report this)");
            }
        }
    }
}
