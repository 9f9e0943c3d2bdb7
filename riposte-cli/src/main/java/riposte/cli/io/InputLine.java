package riposte.cli.io;

import riposte.core.indicator.Indicator;

/** One indicator read from the command line or an input file, or the reason it could not be read. */
public sealed interface InputLine {
    /** Where it came from, e.g. {@code indicators.csv:12} or {@code argument 2}. */
    String origin();

    record Parsed(String origin, Indicator indicator) implements InputLine {}

    record Invalid(String origin, String text, String reason) implements InputLine {}
}
