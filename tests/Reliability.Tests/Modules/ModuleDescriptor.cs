using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Modules;

/// <summary>One option as the module's argument spec declares it (the generators mutate it by its type).</summary>
public sealed record OptionShape(string Name, ArgType Type)
{
    public bool Required { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The value is a path: generated values stay inside the sandbox.</summary>
    public bool IsPath { get; init; }

    public bool NoLog { get; init; }
}

/// <summary>
/// Everything the reliability tests need to know about a module. Adding a module is one of
/// these in <see cref="ModuleTable"/>: its options, a valid task whose every path points into
/// the sandbox, the files it manages, the commands it runs (always faked), and a task that changes
/// the managed file (for the fault and concurrency tests; null for read-only modules).
/// </summary>
public sealed record ModuleDescriptor(string Name)
{
    public required IReadOnlyList<OptionShape> Options { get; init; }

    /// <summary>Creates the files as a host has them before the task runs.</summary>
    public Action<Sandbox> Seed { get; init; } = _ => { };

    /// <summary>A valid task, every path option inside the sandbox.</summary>
    public required Func<Sandbox, JsonObject> Args { get; init; }

    /// <summary>The files the module may write; hashed before and after each run.</summary>
    public Func<Sandbox, IReadOnlyList<string>> Managed { get; init; } = _ => [];

    /// <summary>External programs the module may run: shadowed on PATH by fakes that refuse.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>
    /// A valid task that rewrites the first managed file; <c>generation</c> makes each call's
    /// result different (and <c>size</c> asks for a bigger file where the module can write one).
    /// </summary>
    public Func<Sandbox, int, JsonObject>? Change { get; init; }

    /// <summary>Large-content variant of <see cref="Change"/> for the SIGKILL tests (a long write); defaults to Change.</summary>
    public Func<Sandbox, int, JsonObject>? BigChange { get; init; }

    /// <summary>A valid task that runs the module's external command (null: it runs none).</summary>
    public Func<Sandbox, JsonObject>? CommandTask { get; init; }

    /// <summary>False when a successful non-check run would change the host beyond the sandbox: generated input then runs in check mode only.</summary>
    public bool ApplyIsSafe { get; init; } = true;

    /// <summary>The module holds FileLock from reading through writing: concurrent runs are serialised and all succeed.</summary>
    public bool LocksWholeTask { get; init; }

    /// <summary>The managed file holds a secret (the module has a no_log option): it and its temp files must be private to the owner.</summary>
    public bool Secret => Options.Any(o => o.NoLog);

    public bool Writes => Change is not null;

    public string ManagedFile(Sandbox sandbox) => Managed(sandbox)[0];

    public override string ToString() => Name;
}
