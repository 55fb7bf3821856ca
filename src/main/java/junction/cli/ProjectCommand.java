package junction.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command on a Hasura project ({@code metadata …}, {@code migrate …}, {@code seed …}): Hasura's
 * global flags, the command line's own output streams (so tests capture them), and the exit code
 * convention — 0 when {@link #run(Project)} returns, 1 when it throws a {@link CliException}
 * ({@link Main} prints its message).
 */
public abstract class ProjectCommand implements Callable<Integer> {
    @Mixin
    protected ProjectOptions options;

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        run(options.project());
        out().flush();
        return 0;
    }

    /** Does the command's work; a {@link CliException} ends it with exit code 1. */
    protected abstract void run(Project project);

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
