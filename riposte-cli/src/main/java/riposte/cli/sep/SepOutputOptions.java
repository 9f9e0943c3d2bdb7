package riposte.cli.sep;

import picocli.CommandLine.Option;

/** {@code --json}: SEPM's own field names instead of a table. */
final class SepOutputOptions {
    @Option(names = "--json", description = "JSON with SEPM's field names (one document, or JSON Lines for streams) instead of a table.")
    boolean json;
}
