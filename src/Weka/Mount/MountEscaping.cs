using System.Text;

namespace HpcWekaSlurm.Weka.Mount;

/// <summary>
/// The octal escapes (<c>\040</c> for a space...) that the kernel writes in /proc/self/mountinfo and
/// getmntent(3) reads in /etc/fstab. Raw text is a byte string (one char per byte, Latin-1), so lines
/// that are not edited survive byte for byte even when they are not valid UTF-8.
/// </summary>
public static class MountEscaping
{
    /// <summary>Reads file bytes as a byte string (one char per byte).</summary>
    public static string FromBytes(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    public static byte[] ToBytes(string raw) => Encoding.Latin1.GetBytes(raw);

    /// <summary>Decodes <c>\ooo</c> escapes of a raw field and returns its UTF-8 text.</summary>
    public static string Unescape(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && IsOctal(raw, i + 1) && IsOctal(raw, i + 2) && IsOctal(raw, i + 3))
            {
                var value = ((raw[i + 1] - '0') * 64) + ((raw[i + 2] - '0') * 8) + (raw[i + 3] - '0');
                if (value <= 0xFF)
                {
                    bytes.Add((byte)value);
                    i += 3;
                    continue;
                }
            }

            bytes.Add((byte)raw[i]);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>Encodes text as a raw field: UTF-8 bytes, with blanks, newlines, backslashes and '#' escaped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\\' or (byte)'#')
            {
                sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.ToString();
    }

    private static bool IsOctal(string s, int index) => index < s.Length && s[index] is >= '0' and <= '7';
}
