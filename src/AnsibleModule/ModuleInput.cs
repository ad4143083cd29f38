using System.Text.Json;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule;

/// <summary>
/// Reads the task arguments: <c>argv[0]</c> is the args file Ansible wrote, or <c>-</c>
/// for standard input (the collection's fast path pipes them).
/// </summary>
public static class ModuleInput
{
    /// <summary>Upper bound on the args document: a bigger one is a mistake, not a task.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    public static JsonObject Read(IReadOnlyList<string> argv, Func<Stream> stdin)
    {
        if (argv.Count != 1)
        {
            throw new ModuleFailure("usage: MODULE ARGS_FILE (a JSON object of the module options), or MODULE - to read it from standard input");
        }

        byte[] bytes;
        try
        {
            bytes = argv[0] == "-" ? ReadAll(stdin()) : ReadFile(argv[0]);
        }
        catch (IOException e)
        {
            throw new ModuleFailure($"cannot read the arguments from '{argv[0]}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ModuleFailure($"cannot read the arguments from '{argv[0]}': {e.Message}");
        }

        return Parse(bytes);
    }

    public static JsonObject Parse(ReadOnlySpan<byte> bytes)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            throw new ModuleFailure($"the arguments are not valid JSON: {e.Message}");
        }

        var args = node as JsonObject ?? throw new ModuleFailure("the arguments must be a JSON object of option names to values");
        EnsureReadableStrings(args);
        return args;
    }

    /// <summary>
    /// The parser defers decoding strings until they are read: invalid UTF-8 or a lone surrogate
    /// escape (\ud800) would otherwise surface later as an unexpected error in whatever reads it.
    /// </summary>
    private static void EnsureReadableStrings(JsonNode? node)
    {
        try
        {
            Walk(node);
        }
        catch (InvalidOperationException e)
        {
            throw new ModuleFailure($"the arguments are not valid JSON: a string is not valid UTF-8 or UTF-16 ({e.Message})");
        }

        static void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    v.GetValue<string>();
                    break;
            }
        }
    }

    private static byte[] ReadFile(string path)
    {
        if (path.Length == 0)
        {
            throw new IOException("the path is empty");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new IOException("no such file");
        }

        if (info.Length > MaxBytes)
        {
            throw new IOException($"the file is larger than {MaxBytes} bytes");
        }

        return File.ReadAllBytes(path);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new IOException($"the input is larger than {MaxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
