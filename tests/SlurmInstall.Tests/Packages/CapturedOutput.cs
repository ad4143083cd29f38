namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

/// <summary>
/// Package tool outputs. The Debian ones were captured on this project's Debian 12 build host
/// (LC_ALL=C). No RHEL-family host or image can be built here: the RHEL ones reproduce the
/// formats of rpm 4.14/4.16 and dnf 4 on Rocky 8/9 (EPEL slurm), and the tests using them say so.
/// </summary>
public static class CapturedOutput
{
    // dpkg-query -W -f '${Package}\t${Status}\t${Version}\n' -- slurmd munge nosuchpkg slurm-wlm-basic-plugins (rc 1)
    public const string DpkgQuery =
        "munge\tinstall ok installed\t0.5.15-2+deb12u1\n" +
        "slurm-wlm-basic-plugins\tinstall ok installed\t22.05.8-4+deb12u3\n" +
        "slurmd\tinstall ok installed\t22.05.8-4+deb12u3\n";

    // A removed package keeps its configuration files; an interrupted install is half-configured.
    public const string DpkgQueryRemovedAndBroken =
        "slurmctld\tdeinstall ok config-files\t22.05.8-4+deb12u3\n" +
        "slurmd\tinstall ok half-configured\t22.05.8-4+deb12u3\n" +
        "munge\thold ok installed\t0.5.15-2+deb12u1\n";

    // apt-cache policy slurmd nosuchpkg hello
    public const string AptPolicy =
        "slurmd:\n" +
        "  Installed: 22.05.8-4+deb12u3\n" +
        "  Candidate: 22.05.8-4+deb12u3\n" +
        "  Version table:\n" +
        " *** 22.05.8-4+deb12u3 500\n" +
        "        500 http://deb.debian.org/debian bookworm/main amd64 Packages\n" +
        "        500 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages\n" +
        "        100 /var/lib/dpkg/status\n" +
        "hello:\n" +
        "  Installed: (none)\n" +
        "  Candidate: 2.10-3\n" +
        "  Version table:\n" +
        "     2.10-3 500\n" +
        "        500 http://deb.debian.org/debian bookworm/main amd64 Packages\n";

    // apt-cache madison slurmd hello, plus the local test repository's older "~pin1" twin of slurmd.
    public const string AptMadison =
        "    slurmd | 22.05.8-4+deb12u3 | http://deb.debian.org/debian bookworm/main amd64 Packages\n" +
        "    slurmd | 22.05.8-4+deb12u3 | http://deb.debian.org/debian-security bookworm-security/main amd64 Packages\n" +
        "    slurmd | 22.05.8-4+deb12u3~pin1 | file:/srv/localrepo ./ Packages\n" +
        "     hello |     2.10-3 | http://deb.debian.org/debian bookworm/main amd64 Packages\n";

    // apt-get -s -q remove slurm-client
    public const string AptSimulatedRemove =
        "Reading package lists...\n" +
        "Building dependency tree...\n" +
        "Reading state information...\n" +
        "The following packages will be REMOVED:\n" +
        "  slurm-client slurmctld\n" +
        "0 upgraded, 0 newly installed, 2 to remove and 137 not upgraded.\n" +
        "Remv slurmctld [22.05.8-4+deb12u3]\n" +
        "Remv slurm-client [22.05.8-4+deb12u3]\n";

    // apt-get install while another apt holds the lock (rc 100), stderr.
    public const string AptLocked =
        "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)\n" +
        "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n";

    // apt-cache show slurmd=22.05.8-4+deb12u3 (trimmed after Description), plus the local repository's twin of slurm-wlm-basic-plugins.
    public const string AptShow =
        "Package: slurmd\n" +
        "Source: slurm-wlm\n" +
        "Version: 22.05.8-4+deb12u3\n" +
        "Installed-Size: 593\n" +
        "Maintainer: Debian HPC Team <debian-hpc@lists.debian.org>\n" +
        "Architecture: amd64\n" +
        "Depends: libc6 (>= 2.34), libhwloc15 (>= 2.9.0), liblz4-1 (>= 0.0~r130), libnuma1 (>= 2.0.11), libpam0g (>= 0.99.7.1), slurm-wlm-basic-plugins (= 22.05.8-4+deb12u3), ucf, munge\n" +
        "Description: Slurm compute node daemon\n" +
        "\n" +
        "Package: slurm-wlm-basic-plugins\n" +
        "Version: 22.05.8-4+deb12u3~pin1\n" +
        "Pre-Depends: libslurm38 (= 22.05.8-4+deb12u3~pin1)\n" +
        "Depends: libc6 (>= 2.34),\n" +
        " default-mysql-client | mariadb-client (= 1:10.11.6-0+deb12u1)\n" +
        "\n";

    // apt-get install slurmd=22.05.8-4+deb12u3~pin1 without its plugins' twin (rc 100): stdout, then stderr.
    public const string AptUnmetStdout =
        "Reading package lists...\n" +
        "Building dependency tree...\n" +
        "Some packages could not be installed. This may mean that you have\n" +
        "requested an impossible situation or if you are using the unstable\n" +
        "distribution that some required packages have not yet been created\n" +
        "or been moved out of Incoming.\n" +
        "The following information may help to resolve the situation:\n" +
        "\n" +
        "The following packages have unmet dependencies:\n" +
        " slurmd : Depends: slurm-wlm-basic-plugins (= 22.05.8-4+deb12u3~pin1) but 22.05.8-4+deb12u3 is to be installed\n";

    public const string AptUnmetStderr = "E: Unable to correct problems, you have held broken packages.\n";

    // RHEL family: rpm -q --qf '%{NAME}\t%{EPOCH}\t%{VERSION}\t%{RELEASE}\n' slurm slurm-slurmd munge slurm-slurmctld (rc 1)
    public const string RpmQuery =
        "slurm\t(none)\t22.05.9\t1.el8\n" +
        "slurm-slurmd\t(none)\t22.05.9\t1.el8\n" +
        "munge\t(none)\t0.5.13\t2.el8\n" +
        "package slurm-slurmctld is not installed\n";

    public const string RpmQueryWithEpoch = "munge\t1\t0.5.15\t3.el9\n";

    // RHEL family: dnf -q check-update slurm slurm-slurmd slurm-slurmctld-ohpc-with-a-long-name (rc 100);
    // dnf wraps a row whose name is wider than its column.
    public const string DnfCheckUpdate =
        "\n" +
        "slurm.x86_64                          23.02.7-1.el8                          epel\n" +
        "slurm-slurmd.x86_64                   23.02.7-1.el8                          epel\n" +
        "slurm-slurmctld-ohpc-with-a-long-name.x86_64\n" +
        "                                      23.02.7-1.1.ohpc.3.0                   OpenHPC-updates\n" +
        "Obsoleting Packages\n" +
        "slurm-libs.x86_64                     23.02.7-1.el8                          epel\n" +
        "    slurm.x86_64                      22.05.9-1.el8                          @epel\n";

    // RHEL family: dnf -y install slurm-slurmd-99.1 (rc 1)
    public const string DnfNoMatchStdout = "Last metadata expiration check: 0:10:02 ago on Thu 26 Nov 2026 08:00:00 AM UTC.\n";

    public const string DnfNoMatchStderr =
        "No match for argument: slurm-slurmd-99.1\n" +
        "Error: Unable to find a match: slurm-slurmd-99.1\n";

    // RHEL family: rpm -e --test slurm (rc 1)
    public const string RpmRemoveTestStderr =
        "error: Failed dependencies:\n" +
        "\tslurm(x86-64) = 22.05.9-1.el8 is needed by (installed) slurm-slurmd-22.05.9-1.el8.x86_64\n";
}
