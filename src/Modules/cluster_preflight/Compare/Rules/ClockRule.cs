using System.Globalization;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// Clocks apart: munge rejects a credential whose timestamp is off (slurmd and slurmctld then refuse
/// each other). Each node's offset is its clock minus the controller's when the task was sent; the
/// sending delay is in every offset alike, so nodes are compared with each other: the largest group
/// within the threshold of each other (the one holding the reference node on a tie) is right, the
/// others are off.
/// </summary>
public static class ClockRule
{
    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var offsets = input.Hosts
            .Where(h => h.Facts.Clock.OffsetSeconds is not null)
            .Select(h => (h.Name, Offset: h.Facts.Clock.OffsetSeconds!.Value, Test: h.Facts.Clock.TestOffsetSeconds))
            .OrderBy(h => h.Offset)
            .ToList();
        if (offsets.Count < 2)
        {
            yield break;
        }

        var (low, high) = BestWindow(offsets.Select(o => (o.Name, o.Offset)).ToList(), input.MaxClockSkew, input.ReferenceHost);
        var center = (low + high) / 2;
        var off = offsets.Where(o => o.Offset < low || o.Offset > high).ToList();
        if (off.Count == 0)
        {
            yield break;
        }

        var threshold = Seconds(input.MaxClockSkew);
        yield return new Problem(
            Checks.ClockSkew,
            $"clocks differ by more than {threshold} s (preflight_max_clock_skew): munge rejects credentials from a node whose clock is off, " +
            "so slurmd and slurmctld stop trusting each other",
            [.. off.Select(o => new HostIssue(o.Name, Describe(o.Offset - center, o.Test)))],
            "synchronise every node's clock to the same time source (chrony, ntpd or systemd-timesyncd), e.g. `chronyc makestep` " +
            "after fixing the source, then check with `timedatectl`");
    }

    /// <summary>The range of offsets, at most <paramref name="width"/> wide, holding the most nodes (the reference node's on a tie).</summary>
    private static (double Low, double High) BestWindow(IReadOnlyList<(string Name, double Offset)> sorted, double width, string? reference)
    {
        (int Count, bool HasReference, double Low, double High) best = (0, false, 0, 0);
        for (var i = 0; i < sorted.Count; i++)
        {
            var members = sorted.Skip(i).TakeWhile(o => o.Offset - sorted[i].Offset <= width).ToList();
            var hasReference = members.Any(m => m.Name == reference);
            if (members.Count > best.Count || (members.Count == best.Count && hasReference && !best.HasReference))
            {
                best = (members.Count, hasReference, members[0].Offset, members[^1].Offset);
            }
        }

        return (best.Low, best.High);
    }

    private static string Describe(double seconds, double test)
    {
        var direction = seconds > 0 ? "ahead of" : "behind";
        var text = $"clock {Seconds(Math.Abs(seconds))} s {direction} the other nodes";
        return test == 0 ? text : $"{text} (includes a clock_offset_seconds test offset of {Seconds(test)} s)";
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
