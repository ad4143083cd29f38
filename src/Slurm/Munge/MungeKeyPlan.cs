namespace HpcWekaSlurm.Slurm.Munge;

/// <summary>What the task asks for: a given key, a generated one, or just the key already there.</summary>
public sealed record MungeKeyRequest(byte[]? Content, bool Generate, int Size, bool Force);

/// <summary>
/// The key the file must hold after the task. <see cref="Generated"/>: it is a new random key;
/// <see cref="Replaces"/>: an existing, different key gets overwritten (rotation).
/// </summary>
public sealed record MungeKeyPlan(byte[] Key, bool Generated, bool Replaces, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Decides the key from the request and the current key (null: no key file). Bad combinations
    /// throw <see cref="InvalidOperationException"/> naming the option to change; nothing is written then.
    /// </summary>
    public static MungeKeyPlan Decide(MungeKeyRequest request, byte[]? current, Func<int, byte[]> generate)
    {
        if (request.Content is { } content)
        {
            if (current is null || current.AsSpan().SequenceEqual(content))
            {
                return new MungeKeyPlan(content, Generated: false, Replaces: false, []);
            }

            return request.Force
                ? new MungeKeyPlan(content, Generated: false, Replaces: true, [])
                : throw new InvalidOperationException(
                    $"the file holds a different key (sha256 {MungeKey.Fingerprint(current)}, the given one is sha256 {MungeKey.Fingerprint(content)}); " +
                    "set force: true to replace it (key rotation; restart munge on every node afterwards)");
        }

        if (request.Generate)
        {
            if (current is null || request.Force)
            {
                return new MungeKeyPlan(generate(request.Size), Generated: true, Replaces: current is not null, []);
            }

            return Usable(current) is { } problem
                ? throw new InvalidOperationException($"the existing key {problem}; set force: true to replace it with a new one")
                : new MungeKeyPlan(current, Generated: false, Replaces: false, []);
        }

        if (current is null)
        {
            throw new InvalidOperationException("there is no key yet; set generate: true to create one, or give the key in content");
        }

        return new MungeKeyPlan(current, Generated: false, Replaces: false, Usable(current) is { } issue ? [$"the existing key {issue}"] : []);
    }

    private static string? Usable(byte[] key) =>
        key.Length is < MungeKey.MinBytes or > MungeKey.MaxBytes
            ? $"is {key.Length} bytes and munged needs {MungeKey.MinBytes} to {MungeKey.MaxBytes}"
            : null;
}
