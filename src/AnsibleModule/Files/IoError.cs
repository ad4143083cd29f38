namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>
/// The reason a file operation failed, in words. The modules are built with
/// UseSystemResourceKeys (smaller binaries), so .NET's own messages for access errors are bare
/// resource keys ("UnauthorizedAccess_IODenied_Path"); errno-based IOException messages come from
/// strerror and stay readable.
/// </summary>
public static class IoError
{
    public static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };

    /// <summary>strerror for an errno value.</summary>
    public static string Describe(int errno) => System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno);
}
