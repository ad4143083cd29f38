// Clusters are heavy on a 2-core machine: one test class at a time keeps timings predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
