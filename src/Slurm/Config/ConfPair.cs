namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// One <c>Key=Value</c> of a record, with where it sits in the record's raw text so an edit can
/// replace exactly the value and nothing else.
/// </summary>
/// <param name="Key">The key as written (Slurm matches keys case-insensitively).</param>
/// <param name="Operator">Empty for <c>=</c>; <c>+</c>, <c>-</c>, <c>*</c> or <c>/</c> for <c>+=</c> and friends.</param>
/// <param name="Value">The value as Slurm reads it: quotes removed, escapes resolved.</param>
/// <param name="Start">Raw index of the key's first character.</param>
/// <param name="ValueStart">Raw index where the value token (with its quotes) starts.</param>
/// <param name="ValueEnd">Raw index just after the value token.</param>
/// <param name="Quoted">The value was written in double quotes.</param>
public sealed record ConfPair(string Key, string Operator, string Value, int Start, int ValueStart, int ValueEnd, bool Quoted)
{
    public bool Is(string key) => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);
}
