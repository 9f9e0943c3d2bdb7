package riposte.cli.sep;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape of every {@code riposte sep} leaf command: the connection and output mixins, input validated by
 * {@link #validate()} before anything is started or sent, then {@link #run} with an open connection.
 */
abstract class SepCall implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SepConnectionOptions connection;

    @Mixin
    SepOutputOptions output;

    /** Checks the input without any network traffic; throws {@link riposte.cli.CliException} (exit 2). */
    void validate() {}

    /** Does the work; returns the exit code. */
    abstract int run(SepConnection sepm) throws Exception;

    @Override
    public final Integer call() throws Exception {
        validate();
        try (SepConnection sepm = SepConnection.open(connection)) {
            return run(sepm);
        } finally {
            out().flush();
            err().flush();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean json() {
        return output.json;
    }
}
