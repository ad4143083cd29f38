namespace HpcWekaSlurm.Bench;

/// <summary>Median, min and max of one figure over the timed runs (the warm-up run is never in it).</summary>
public sealed record Stats(double Median, double Min, double Max, int Runs)
{
    public static Stats Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stats(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"12.3 (11.9-14.0)" with the given format.</summary>
    public string Format(string format) =>
        Runs == 1 ? Median.ToString(format) : $"{Median.ToString(format)} ({Min.ToString(format)}-{Max.ToString(format)})";
}
