using System.Security.Cryptography;

namespace HpcWekaSlurm.Slurm.Munge;

/// <summary>
/// A munge key: raw bytes munged reads from its keyfile. Knows the size limits munged enforces,
/// how to make a key from the OS CSPRNG, and the fingerprint that proves two nodes hold the same key.
/// </summary>
public static class MungeKey
{
    /// <summary>munged refuses shorter keys ("Keyfile must be at least 32 bytes").</summary>
    public const int MinBytes = 32;

    /// <summary>munged reads at most this much (mungekey's largest size).</summary>
    public const int MaxBytes = 1024;

    public const int DefaultBytes = 1024;

    /// <summary>Decodes a base64 key; the message never quotes the value (it is a secret).</summary>
    public static byte[] Decode(string base64)
    {
        byte[] key;
        try
        {
            // Keys pasted from vault files are often wrapped: whitespace is not part of the key.
            key = Convert.FromBase64String(string.Concat(base64.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            throw new ArgumentException("is not valid base64 (the key must be base64-encoded, e.g. the content returned by return_content)");
        }

        CheckSize(key.Length);
        return key;
    }

    public static void CheckSize(int bytes)
    {
        if (bytes is < MinBytes or > MaxBytes)
        {
            throw new ArgumentException($"the key is {bytes} bytes; munged needs {MinBytes} to {MaxBytes} bytes");
        }
    }

    public static byte[] Generate(int bytes)
    {
        CheckSize(bytes);
        return RandomNumberGenerator.GetBytes(bytes);
    }

    /// <summary>SHA-256 of the key bytes, lowercase hex: equal on every node that holds the same key.</summary>
    public static string Fingerprint(byte[] key) => Convert.ToHexStringLower(Sha256.Hash(key));

    /// <summary>How a key appears in a diff: its fingerprint and size, never its bytes.</summary>
    public static string Describe(byte[] key) => $"munge key sha256:{Fingerprint(key)} ({key.Length} bytes)\n";

    /// <summary>Every text form of the key that could end up in output, for the scrubber.</summary>
    public static IEnumerable<string> TextForms(byte[] key) =>
        [Convert.ToBase64String(key), Convert.ToHexStringLower(key), Convert.ToHexString(key)];
}
