namespace HpcWekaSlurm.Integration.Tests.Scenarios;

/// <summary>
/// A version-matrix theory: minutes of container runs per combination, so it runs under
/// `make test-matrix` (HPC_TEST_MATRIX=1) and shows as skipped in `make test`.
/// </summary>
public sealed class MatrixTheoryAttribute : TheoryAttribute
{
    public MatrixTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("HPC_TEST_MATRIX") != "1")
        {
            Skip = "version matrix: run with make test-matrix (HPC_TEST_MATRIX=1)";
        }
    }
}
