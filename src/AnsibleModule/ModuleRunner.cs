using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.AnsibleModule.Results;

namespace HpcWekaSlurm.AnsibleModule;

/// <summary>
/// The whole life of a module run: read the args, validate them, run the body, write exactly
/// one JSON object to stdout. Nothing escapes as a stack trace or non-JSON output.
/// </summary>
public static class ModuleRunner
{
    public static int Run(string[] argv, string moduleName, ArgumentSpec spec, Action<ModuleContext> body) =>
        Run(argv, moduleName, spec, body, StandardStreams.Input, StandardStreams.Output);

    public static int Run(
        IReadOnlyList<string> argv,
        string moduleName,
        ArgumentSpec spec,
        Action<ModuleContext> body,
        Func<Stream> stdin,
        Func<Stream> stdout)
    {
        var json = Execute(argv, moduleName, spec, body, stdin);
        var text = ResultWriter.Serialize(json) + "\n";
        using var output = stdout();
        output.Write(System.Text.Encoding.UTF8.GetBytes(text));
        output.Flush();
        return json["failed"] is JsonValue f && f.GetValue<bool>() ? 1 : 0;
    }

    internal static JsonObject Execute(IReadOnlyList<string> argv, string moduleName, ArgumentSpec spec, Action<ModuleContext> body, Func<Stream> stdin)
    {
        var noLogOptions = spec.Options.Where(o => o.NoLog).Select(o => o.Name).ToHashSet();
        AnsibleContext ansible = new();
        ModuleParams? parameters = null;
        ModuleContext? context = null;
        IReadOnlyList<string> secrets = [];
        try
        {
            var raw = ModuleInput.Read(argv, stdin);
            ansible = AnsibleContext.From(raw);
            parameters = ArgumentValidator.Validate(spec, raw, moduleName);
            secrets = parameters.Secrets;
            context = new ModuleContext(parameters, ansible, moduleName);
            body(context);
            return ResultWriter.ToJson(context.Result, Invocation(parameters, noLogOptions), secrets);
        }
        catch (Exception e)
        {
            var result = context?.Result ?? new ModuleResult();
            result.Failed = true;
            if (e is ModuleFailure failure)
            {
                result.Msg = failure.Message;
                foreach (var (key, value) in failure.Extra)
                {
                    result.Extra[key] = value?.DeepClone();
                }

                secrets = [.. secrets, .. failure.Secrets];
            }
            else
            {
                result.Msg = $"unexpected error in {moduleName}: {e.GetType().Name}: {FirstLine(e.Message)}";
                if (ansible.Verbosity >= 3)
                {
                    result.Extra["exception"] = e.ToString();
                }
            }

            var invocation = parameters is null ? null : Invocation(parameters, noLogOptions);
            return ResultWriter.ToJson(result, invocation, secrets);
        }
    }

    private static JsonObject Invocation(ModuleParams parameters, IReadOnlySet<string> noLogOptions) =>
        ResultWriter.Invocation(parameters.Values, noLogOptions);

    private static string FirstLine(string s)
    {
        var newline = s.IndexOfAny(['\r', '\n']);
        return newline < 0 ? s : s[..newline];
    }
}
