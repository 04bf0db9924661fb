package io.streamforge.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamforge completion}: the bash/zsh completion script of the whole command tree. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print the bash/zsh completion script.",
            "Use: source <(./streamforge completion)"
        })
final class CompletionCli implements Callable<Integer> {
    private final CliContext ctx;
    @Spec CommandSpec spec;

    CompletionCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().print(AutoComplete.bash("streamforge", spec.root().commandLine()));
        ctx.out().flush();
        return ExitCode.OK;
    }
}
