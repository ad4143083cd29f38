using System.Text.Json.Nodes;
using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Secrets;

/// <summary>One code path of a secret-handling module: a task, what to do to the host first, and how it must end.</summary>
public sealed record SecretCase(string Name, Func<Sandbox, JsonObject> Args)
{
    public bool Fails { get; init; }

    /// <summary>What the failure message must contain.</summary>
    public string? MustSay { get; init; }

    /// <summary>Prepares the host (plant a symlink, make the filesystem read-only...).</summary>
    public Action<Sandbox>? Prepare { get; init; }

    /// <summary>Result keys allowed to carry the secret (return_content under no_log: the one deliberate disclosure).</summary>
    public IReadOnlyList<string> Disclosed { get; init; } = [];

    /// <summary>Put the sandbox on a tmpfs (for the read-only case).</summary>
    public bool OnTmpfs { get; init; }

    public override string ToString() => Name;
}

/// <summary>A module that handles a secret: its module name, the secret's text forms, and every code path to run.</summary>
public sealed record SecretModule(string Module)
{
    public required Action<Sandbox> Seed { get; init; }

    public required Func<Sandbox, string> Target { get; init; }

    /// <summary>Every secret value a run may see (on disk or given), in every text form it could leak as.</summary>
    public required IReadOnlyList<string> Secrets { get; init; }

    /// <summary>Secret bytes as they sit in the file (a binary key): no other file may hold them.</summary>
    public IReadOnlyList<byte[]> RawSecrets { get; init; } = [];

    public required IReadOnlyList<SecretCase> Cases { get; init; }

    /// <summary>Owner the target and its backups must keep.</summary>
    public required string Owner { get; init; }
}
