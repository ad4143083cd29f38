namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>What a node does in the cluster; each role needs its own packages.</summary>
public enum SlurmRole
{
    Controller,
    Dbd,
    Login,
    Compute,
}

public static class SlurmRoles
{
    public static readonly IReadOnlyList<string> Names = ["controller", "dbd", "login", "compute"];

    public static SlurmRole Parse(string name) => name switch
    {
        "controller" => SlurmRole.Controller,
        "dbd" => SlurmRole.Dbd,
        "login" => SlurmRole.Login,
        "compute" => SlurmRole.Compute,
        _ => throw new ArgumentException($"unknown role '{name}'; use {string.Join(", ", Names)}"),
    };
}
