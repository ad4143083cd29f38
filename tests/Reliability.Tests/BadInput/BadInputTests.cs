using FsCheck;
using FsCheck.Fluent;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.BadInput;

/// <summary>
/// Generated input for every module, run through the real binaries: broken tasks fail naming
/// the problem; odd but well-typed tasks fail cleanly or succeed; nothing is ever half-written.
/// Each run spawns a process (~5-10 ms): the counts keep the whole project within its budget.
/// </summary>
public class BadInputTests
{
    public const int BrokenRuns = 300;
    public const int OddRuns = 200;
    public const int MalformedRuns = 60;

    [Theory]
    [MemberData(nameof(ModuleTable.Names), MemberType = typeof(ModuleTable))]
    public void Broken_tasks_fail_naming_the_option_or_key_and_change_no_file(string module) =>
        Run(module, BadInputGen.MustFail, BrokenRuns);

    [Theory]
    [MemberData(nameof(ModuleTable.Names), MemberType = typeof(ModuleTable))]
    public void Odd_but_well_typed_values_never_crash_or_leave_a_partial_file(string module) =>
        Run(module, BadInputGen.Odd, OddRuns);

    [Theory]
    [MemberData(nameof(ModuleTable.Names), MemberType = typeof(ModuleTable))]
    public void Args_that_are_not_a_json_object_or_not_there_fail_cleanly(string module) =>
        Run(module, BadInputGen.Malformed, MalformedRuns);

    private static void Run(string name, Func<ModuleDescriptor, Gen<BadInputCase>> generator, int runs)
    {
        var module = ModuleTable.Get(name);
        var property = Prop.ForAll(Arb.From(generator(module)), (BadInputCase c) => BadInputRunner.Verify(module, c));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs).WithQuietOnSuccess(true), property);
    }
}
