namespace HpcWekaSlurm.Topology;

/// <summary>
/// The host data cannot be read or is inconsistent, or a request does not fit the host.
/// The message is complete for a user: it names the file or the option at fault and the reason.
/// </summary>
public sealed class TopologyException(string message) : Exception(message);
