package riposte.cli;

import picocli.CommandLine.Option;

/**
 * {@code -y}/{@code --yes} on a command that changes something but asks nothing (creating an incident, adding an
 * allow-list entry, starting a scan): scripts pass {@code --yes} to every mutating command, so it is accepted here
 * and changes nothing. The commands that do confirm (those that change endpoints or fingerprint lists, undo
 * included) take {@code riposte.cli.sep.SepConfirmOptions} instead, with {@code --dry-run}.
 */
public final class AcceptYes {
    @Option(names = {"-y", "--yes"}, description = "Accepted for scripts; this command asks no question.")
    boolean yes;
}
