using System.Text.Json;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Slurm.Munge;
using KeyMaterial = HpcWekaSlurm.Slurm.Munge.MungeKey;

namespace HpcWekaSlurm.Modules.MungeKey;

/// <summary>The validated options. Every check runs before the key file is read or touched.</summary>
public sealed record KeyRequest(
    string Path,
    bool Present,
    MungeKeyRequest Key,
    bool ReturnContent,
    FileOwnership Ownership,
    UnixFileMode Mode,
    bool Backup)
{
    private const UnixFileMode GroupOrOther = (UnixFileMode)0x3F; // 0077
    private const UnixFileMode OwnerRead = UnixFileMode.UserRead;

    public static KeyRequest From(ModuleParams p)
    {
        var present = p.Str("state") == "present";
        var generate = p.Bool("generate");
        var size = p.Int("size")!.Value;
        if (size is < KeyMaterial.MinBytes or > KeyMaterial.MaxBytes)
        {
            throw new ModuleFailure($"option 'size': {size} bytes is out of range; munged needs {KeyMaterial.MinBytes} to {KeyMaterial.MaxBytes}");
        }

        byte[]? content = null;
        if (p.Str("content") is { } base64)
        {
            if (generate)
            {
                throw new ModuleFailure("options 'content' and 'generate' exclude each other: give the key to install, or generate: true to create one");
            }

            try
            {
                content = KeyMaterial.Decode(base64);
            }
            catch (ArgumentException e)
            {
                throw new ModuleFailure($"option 'content': {e.Message}; the key file was not touched");
            }
        }

        if (!present && (content is not null || generate))
        {
            throw new ModuleFailure("options 'content' and 'generate' apply to state: present only");
        }

        var mode = ParseMode(p.Get("mode"));
        if ((mode & GroupOrOther) != 0 || (mode & OwnerRead) == 0)
        {
            throw new ModuleFailure($"option 'mode': {FileOwnership.FormatMode(mode)} is not allowed for a munge key: " +
                                    "only its owner may read it (munged refuses any other mode); use 0400 or 0600");
        }

        var owner = p.Str("owner")!;
        var group = p.Str("group")!;
        return new KeyRequest(
            p.Str("path")!,
            present,
            new MungeKeyRequest(content, generate, (int)size, p.Bool("force")),
            p.Bool("return_content"),
            new FileOwnership(owner, group, FileOwnership.FormatMode(mode)),
            mode,
            p.Bool("backup"));
    }

    private static UnixFileMode ParseMode(JsonNode? node)
    {
        var text = node switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int n) && n >= 0 =>
                Convert.ToString(n, 8),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw new ModuleFailure($"option 'mode': expected an octal mode such as '0400', got {TypeConverter.Describe(node)}"),
        };
        try
        {
            return FileOwnership.ParseMode(text);
        }
        catch (ModuleFailure e)
        {
            throw new ModuleFailure($"option 'mode': {e.Message}");
        }
    }
}
