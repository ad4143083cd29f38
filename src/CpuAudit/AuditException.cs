namespace HpcWekaSlurm.CpuAudit;

/// <summary>
/// The audit cannot be made: the host data or Slurm's report is unreadable or does not belong to
/// this host. The message is complete for a user (names the file, field or value and the reason).
/// </summary>
public sealed class AuditException(string message) : Exception(message);
