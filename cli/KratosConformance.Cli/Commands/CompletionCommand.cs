using System.CommandLine;

namespace KratosConformance.Cli.Commands;

/// <summary>
/// kc completion bash: prints a bash completion script. It asks kc itself what fits at the cursor (System.CommandLine's
/// [suggest] directive), so completion knows every command, option and valid value without a copy of them.
/// Install: <c>eval "$(./kc completion bash)"</c> in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/kc.
/// </summary>
public static class CompletionCommand
{
    public const string BashScript = """
        # kc completion for bash. Install: eval "$(./kc completion bash)" in ~/.bashrc,
        # or: ./kc completion bash > ~/.local/share/bash-completion/completions/kc
        _kc_complete() {
          local program="${COMP_WORDS[0]}"
          local line="${COMP_LINE#"$program"}"
          line="${line#" "}"
          local position=$((COMP_POINT - ${#COMP_LINE} + ${#line}))
          [ "$position" -lt 0 ] && position=0
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$("$program" "[suggest:$position]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _kc_complete kc
        """;

    public static Command Create(CommandContext context)
    {
        var shell = new Argument<string>("shell") { Description = "The shell to complete in." };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print the shell completion script: eval \"$(./kc completion bash)\" (add it to ~/.bashrc to keep it).");
        command.Arguments.Add(shell);
        command.SetAction(_ =>
        {
            context.Out.WriteLine(BashScript);
            return Errors.ExitCodes.Passed;
        });
        return command;
    }
}
