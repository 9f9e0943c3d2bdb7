package riposte.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;
import riposte.cli.config.ConfigurationException;
import riposte.core.enrichment.ClassifiedException;
import riposte.core.enrichment.ErrorKind;
import riposte.core.indicator.InvalidIndicatorException;

/**
 * Maps exceptions to exit codes and prints their message, in one place. A stack trace is printed only with
 * {@code --stacktrace} (or {@code RIPOSTE_STACKTRACE=true}), and for unexpected failures.
 */
public final class Failures implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code = getExitCode(e);
        err.println(commandLine.getColorScheme().errorText("riposte: " + message(e)));
        if (code == ExitCodes.FAILURE || stackTraceWanted(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int getExitCode(Throwable e) {
        return switch (e) {
            case CliException c -> c.exitCode();
            case InvalidIndicatorException i -> ExitCodes.USAGE;
            case ConfigurationException c -> ExitCodes.USAGE;
            case CommandLine.ParameterException p -> ExitCodes.USAGE;
            case ClassifiedException c -> exitCode(c.errorKind());
            default -> ExitCodes.FAILURE;
        };
    }

    /** The exit code for a kind of enrichment or client failure. */
    public static int exitCode(ErrorKind kind) {
        return switch (kind) {
            case AUTHENTICATION -> ExitCodes.AUTHENTICATION;
            case INVALID_INDICATOR -> ExitCodes.USAGE;
            case UPSTREAM, MALFORMED_REPLY -> ExitCodes.UPSTREAM;
            case INTERNAL -> ExitCodes.FAILURE;
        };
    }

    private static String message(Throwable e) {
        if (e instanceof UncheckedIOException u) return u.getCause().getMessage();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static boolean stackTraceWanted(ParseResult parseResult) {
        if ("true".equalsIgnoreCase(System.getenv("RIPOSTE_STACKTRACE"))) return true;
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) return true;
        }
        return false;
    }
}
