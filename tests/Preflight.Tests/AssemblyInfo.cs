// One container cluster at a time on a 2-core machine; the cluster tests share one and change it in turn.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
