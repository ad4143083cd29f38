namespace HpcWekaSlurm.Topology;

/// <summary>
/// Orders packages and cores the way hwloc's logical indexes do, because Slurm numbers CPUs by
/// walking hwloc's tree (xcpuinfo.c): hwloc inserts every object by cpuset and keeps siblings
/// sorted by their lowest CPU, so the order of cores is the depth-first order of a tree whose
/// inner levels (NUMA groups, dies, clusters, L3 caches) can reorder them. The kernel's core_id
/// plays no part in it.
/// </summary>
internal static class HwlocOrder
{
    /// <summary>The packages in order, each with the indexes of its cores in order; and Slurm's board count.</summary>
    internal sealed record Arrangement(IReadOnlyList<(int Package, IReadOnlyList<int> Cores)> Packages, int Boards);

    private enum Kind
    {
        // Declaration order breaks ties between equal cpusets: the container first.
        Group,
        Package,
        Core,
    }

    private sealed class Node(Kind kind, IReadOnlyList<int> cpus, int index)
    {
        public Kind Kind { get; } = kind;
        public IReadOnlyList<int> Cpus { get; } = cpus;
        public HashSet<int> Set { get; } = [.. cpus];
        public int Index { get; } = index;
        public List<Node> Children { get; } = [];

        public bool Contains(Node other) => other.Cpus.All(Set.Contains);
    }

    /// <param name="packages">Each package's CPUs.</param>
    /// <param name="cores">Each core's CPUs; every core lies inside one package.</param>
    /// <param name="groups">Other CPU sets hwloc builds objects from (NUMA nodes, dies, clusters, L3 caches).</param>
    public static Arrangement Arrange(
        IReadOnlyList<IReadOnlyList<int>> packages,
        IReadOnlyList<IReadOnlyList<int>> cores,
        IEnumerable<IReadOnlyList<int>> groups)
    {
        var fixedNodes = packages.Select((cpus, i) => new Node(Kind.Package, cpus, i))
            .Concat(cores.Select((cpus, i) => new Node(Kind.Core, cpus, i)))
            .ToList();
        var all = new Node(Kind.Group, [.. packages.SelectMany(p => p).Order()], -1);

        var nodes = new List<Node>(fixedNodes);
        foreach (var cpus in groups.Select(g => (IReadOnlyList<int>)[.. g.Where(all.Set.Contains).Distinct().Order()])
                     .Where(g => g.Count > 0 && g.Count < all.Cpus.Count)
                     .OrderByDescending(g => g.Count))
        {
            var group = new Node(Kind.Group, cpus, -1);
            // A set equal to another object adds no level; one that straddles another cannot be
            // a level of a tree (hwloc would not build it either).
            if (nodes.All(n => Disjoint(n, group) || (n.Contains(group) != group.Contains(n))))
            {
                nodes.Add(group);
            }
        }

        foreach (var node in nodes.OrderByDescending(n => n.Cpus.Count).ThenBy(n => n.Kind))
        {
            var parent = all;
            while (parent.Children.FirstOrDefault(c => c.Contains(node)) is { } deeper)
            {
                parent = deeper;
            }

            parent.Children.Add(node);
        }

        SortByFirstCpu(all);
        var order = new List<(int Package, IReadOnlyList<int> Cores)>();
        Walk(all, order, null);

        // xcpuinfo.c: groups directly below the root are Slurm's boards.
        var boards = all.Children[0].Kind == Kind.Group ? all.Children.Count(c => c.Kind == Kind.Group) : 1;
        return new Arrangement(order, boards);
    }

    private static bool Disjoint(Node a, Node b) => !b.Cpus.Any(a.Set.Contains);

    private static void SortByFirstCpu(Node node)
    {
        node.Children.Sort((a, b) => a.Cpus[0].CompareTo(b.Cpus[0]));
        node.Children.ForEach(SortByFirstCpu);
    }

    private static void Walk(Node node, List<(int Package, IReadOnlyList<int> Cores)> order, List<int>? packageCores)
    {
        switch (node.Kind)
        {
            case Kind.Package:
                packageCores = [];
                order.Add((node.Index, packageCores));
                break;
            case Kind.Core:
                packageCores!.Add(node.Index);
                return;
        }

        foreach (var child in node.Children)
        {
            Walk(child, order, packageCores);
        }
    }
}
