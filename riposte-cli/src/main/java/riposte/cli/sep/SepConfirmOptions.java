package riposte.cli.sep;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;

/**
 * {@code --yes} and {@code --dry-run} of destructive commands. The plan (what will be touched, how many) is always
 * shown first; then a dry run stops, {@code --yes} proceeds, and otherwise the user is asked on the terminal.
 * Without a terminal and without {@code --yes} the command is refused (exit 2). Also used by
 * {@code riposte playbook approve}, whose decision lets a destructive run act on endpoints.
 */
public final class SepConfirmOptions {
    @Option(names = {"-y", "--yes"}, description = "Do it without asking for confirmation.")
    boolean yes;

    @Option(names = "--dry-run", description = "Only show what would be done; send nothing.")
    boolean dryRun;

    /**
     * Shows the plan and returns true if the command may go ahead.
     *
     * @param plan what will happen, e.g. "quarantine 3 computers by id"
     */
    public boolean approve(PrintWriter out, PrintWriter err, String plan) {
        if (dryRun) {
            out.println("Dry run: would " + plan + ". Nothing was sent.");
            out.flush();
            return false;
        }
        err.println("About to " + plan + ".");
        err.flush();
        if (yes) return true;
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            throw new CliException(ExitCodes.USAGE, "not confirmed: standard input is not a terminal, so nothing was sent; "
                    + "pass --yes to confirm (or --dry-run to only show what would be done)");
        }
        String answer = console.readLine("Proceed? [y/N] ");
        boolean ok = answer != null && (answer.strip().toLowerCase(Locale.ROOT).equals("y") || answer.strip().equalsIgnoreCase("yes"));
        if (!ok) {
            err.println("Not confirmed: nothing was sent.");
            err.flush();
        }
        return ok;
    }

    /** Console.isTerminal() exists from Java 22, where System.console() is no longer null when redirected. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a non-null console is a terminal
        }
    }
}
