using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.Modules.WekafsMount;

/// <summary>
/// Carries out a plan's mount action and checks the result in mountinfo: a mount program that
/// exits 0 without a wekafs mount appearing (or disappearing) on the path is a failure.
/// </summary>
public static class MountExecution
{
    public static void Run(MountPlan plan, string mountInfoPath)
    {
        var mountPoint = plan.Request.MountPoint;
        var timeout = TimeSpan.FromSeconds(plan.Request.TimeoutSeconds);
        if (plan.CreateMountPoint)
        {
            CreateDirectory(mountPoint);
        }

        for (var i = 0; i < plan.UnmountCount; i++)
        {
            MountCommands.Unmount(plan.UnmountTarget!, timeout);
        }

        if (plan.Action is MountAction.Mount or MountAction.Remount)
        {
            try
            {
                MountCommands.Mount(plan.MountArguments, timeout);
            }
            catch (ModuleFailure e) when (plan.Action == MountAction.Remount)
            {
                throw new ModuleFailure($"unmounted {mountPoint} to remount it, but mounting it again failed, so it is not mounted now: {e.Message}", e)
                {
                    Extra = (System.Text.Json.Nodes.JsonObject)e.Extra.DeepClone(),
                };
            }
        }

        if (plan.Action != MountAction.None)
        {
            Verify(plan, mountInfoPath);
        }
    }

    private static void Verify(MountPlan plan, string mountInfoPath)
    {
        var mountPoint = plan.Request.MountPoint;
        var (_, realPath) = MountPointProbe.Inspect(mountPoint);
        var now = MountObservation.Of(MountPointProbe.ReadMountInfo(mountInfoPath), [mountPoint, realPath ?? mountPoint, plan.UnmountTarget ?? mountPoint]);
        var wantMounted = plan.Action != MountAction.Unmount;
        if (wantMounted && now.Status != MountStatus.Wekafs)
        {
            throw new ModuleFailure($"mount reported success, but {mountInfoPath} shows no wekafs mount on {mountPoint} ({now.Describe(mountPoint)})");
        }

        if (!wantMounted && now.Status == MountStatus.Wekafs)
        {
            throw new ModuleFailure($"umount reported success, but {mountInfoPath} still shows a wekafs mount on {mountPoint}");
        }
    }

    private static void CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFailure($"option 'path': cannot create the mount point '{path}': {e.Message}");
        }
    }
}
