using System.Text;

namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// Slurm config files are byte streams: the parser works on Latin-1 strings (one char per byte) so
/// that any byte, valid UTF-8 or not, is written back exactly as it was read.
/// </summary>
public static class ConfText
{
    public static string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    public static byte[] ToBytes(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>A value given by the user (UTF-16) as the byte-chars the document holds (its UTF-8 bytes).</summary>
    public static string FromUser(string value) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value));

    /// <summary>Document text as a human reads it (UTF-8 decoded), for diffs and messages.</summary>
    public static string ToDisplay(string text) => Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(text));
}
