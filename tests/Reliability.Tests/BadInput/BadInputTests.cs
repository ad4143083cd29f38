using FsCheck;
using FsCheck.Fluent;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.BadInput;

/// <summary>
/// Generated input for every module, run through the real binaries (three classes, so xunit runs
/// them side by side). Each run spawns a process: the counts give some 210 runs per module
/// and keep the project within its time budget.
/// </summary>
public static class BadInputProperty
{
    public const int BrokenRuns = 100;
    public const int OddRuns = 80;
    public const int MalformedRuns = 30;

    public static void Check(string name, Func<ModuleDescriptor, Gen<BadInputCase>> generator, int runs)
    {
        var module = ModuleTable.Get(name);
        var property = Prop.ForAll(Arb.From(generator(module)), (BadInputCase c) => BadInputRunner.Verify(module, c));
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs).WithQuietOnSuccess(true), property);
    }
}

public class BrokenTaskTests
{
    [Theory]
    [MemberData(nameof(ModuleTable.Names), MemberType = typeof(ModuleTable))]
    public void Broken_tasks_fail_naming_the_option_or_key_and_change_no_file(string module) =>
        BadInputProperty.Check(module, BadInputGen.MustFail, BadInputProperty.BrokenRuns);
}

public class OddValueTests
{
    [Theory]
    [MemberData(nameof(ModuleTable.Names), MemberType = typeof(ModuleTable))]
    public void Odd_but_well_typed_values_never_crash_or_leave_a_partial_file(string module) =>
        BadInputProperty.Check(module, BadInputGen.Odd, BadInputProperty.OddRuns);
}

public class MalformedArgsTests
{
    [Theory]
    [MemberData(nameof(ModuleTable.Names), MemberType = typeof(ModuleTable))]
    public void Args_that_are_not_a_json_object_or_not_there_fail_cleanly(string module) =>
        BadInputProperty.Check(module, BadInputGen.Malformed, BadInputProperty.MalformedRuns);
}
