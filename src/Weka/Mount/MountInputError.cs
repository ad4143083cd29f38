namespace HpcWekaSlurm.Weka.Mount;

/// <summary>One problem with the requested mount, naming the option at fault (as the module calls it).</summary>
public sealed record MountInputError(string Option, string Message)
{
    public override string ToString() => $"option '{Option}': {Message}";
}

/// <summary>The request cannot be carried out; <see cref="Errors"/> says why, one entry per problem.</summary>
public sealed class InvalidMountRequestException : Exception
{
    public InvalidMountRequestException(IReadOnlyList<MountInputError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<MountInputError> Errors { get; }
}
