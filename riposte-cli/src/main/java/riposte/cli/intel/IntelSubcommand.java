package riposte.cli.intel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.config.Setting;
import riposte.cli.config.Settings;
import riposte.cli.io.IndicatorInput;
import riposte.cli.io.InputLine;
import riposte.core.enrichment.Section;

/**
 * The shared shape of {@code riposte intel lookup|insight|protection|related|processchain|history}: indicators as
 * arguments or from {@code --input}, an output format, concurrency, and the connection (configured or
 * {@code --sim}). Each subclass only says which sections it runs.
 */
abstract class IntelSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INDICATOR", arity = "0..*",
            description = "SHA-256, domain, IPv4 address, URL or CVE id (defanged forms such as evil[.]example work).")
    List<String> indicators = List.of();

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Read indicators from FILE, one per line or one CSV column ('-' reads standard input).")
    String input;

    @Option(names = "--column", paramLabel = "NAME",
            description = "The CSV column holding the indicators (default: a column named indicator, value, ioc, hash, sha256, domain, ip, url or cve).")
    String column;

    @ArgGroup(exclusive = true)
    FormatOption format = new FormatOption();

    static final class FormatOption {
        @Option(names = "--json", description = "One JSON object per indicator (JSON Lines), keeping Symantec's field names.")
        boolean json;

        @Option(names = "--csv", description = "CSV with one row per indicator (cells are neutralised against formula injection).")
        boolean csv;

        @Option(names = "--raw", description = "The API reply bodies unchanged, one per line.")
        boolean raw;

        @Option(names = "--table", description = "One line per indicator (the default with --input).")
        boolean table;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of standard output.")
    Path output;

    /** Null when not given: then {@code ses.max-concurrency} is both the bulk runner's and the client's bound. */
    @Option(names = {"-c", "--concurrency"}, paramLabel = "N",
            description = "Lookups in flight at once, 1-1024 (default: the ses.max-concurrency setting, 16). "
                    + "Honoured as given; the rate governor still paces requests.")
    Integer concurrency;

    @Option(names = "--sim", description = "Use a built-in SES simulator instead of the configured service.")
    boolean sim;

    @Option(names = "--no-progress", description = "No progress bar on standard error.")
    boolean noProgress;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $RIPOSTE_CONFIG, else ./riposte.yml).")
    Path config;

    @Option(names = "--stacktrace", description = "Print stack traces of failures.")
    boolean stacktrace;

    /** The sections this subcommand runs. */
    abstract Set<Section> sections();

    @Override
    public Integer call() throws Exception {
        if (concurrency != null && (concurrency < 1 || concurrency > 1024)) {
            throw new CliException(ExitCodes.USAGE, "--concurrency must be between 1 and 1024, was " + concurrency);
        }
        if (indicators.isEmpty() && input == null) {
            throw new CliException(ExitCodes.USAGE, "give at least one indicator, or --input FILE ('-' for standard input)");
        }
        List<InputLine> fromArguments = IndicatorInput.fromArguments(indicators);
        reportInvalidArguments(fromArguments);
        Settings settings = Settings.load(config);
        // --concurrency is honoured as asked: it bounds both the bulk runner and the client's requests in flight
        // (it was capped by ses.max-concurrency, so 64 ran 16 at once); the setting is the default without it.
        int inFlight = concurrency != null ? concurrency : settings.integer(Setting.SES_MAX_CONCURRENCY);
        if (inFlight < 1 || inFlight > 1024) {
            throw new CliException(ExitCodes.USAGE, Setting.SES_MAX_CONCURRENCY.key() + " must be between 1 and 1024, was "
                    + inFlight);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (PrintWriter out = openOutput();
             SesConnection connection = sim ? SesConnection.simulated(settings, inFlight)
                     : SesConnection.configured(settings, inFlight);
             IntelOutput sink = IntelOutput.of(chosenFormat(), out, ansi())) {
            Iterator<InputLine> lines = input == null ? fromArguments.iterator() : concat(fromArguments, input);
            IntelRun run = new IntelRun(connection.enricher(), sections(), inFlight, sink, err,
                    progress(), input == null);
            return run.execute(lines, totalHint());
        }
    }

    private void reportInvalidArguments(List<InputLine> lines) {
        StringBuilder errors = new StringBuilder();
        for (InputLine line : lines) {
            if (line instanceof InputLine.Invalid invalid) {
                errors.append(errors.isEmpty() ? "" : System.lineSeparator()).append(invalid.reason());
            }
        }
        if (!errors.isEmpty()) throw new CliException(ExitCodes.USAGE, errors.toString());
    }

    private Iterator<InputLine> concat(List<InputLine> first, String path) {
        Iterator<InputLine> file = IndicatorInput.open(path, column, System.in);
        if (first.isEmpty()) return file;
        Iterator<InputLine> head = first.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return head.hasNext() || file.hasNext();
            }

            @Override
            public InputLine next() {
                return head.hasNext() ? head.next() : file.next();
            }
        };
    }

    private IntelOutput.Format chosenFormat() {
        if (format.json) return IntelOutput.Format.JSON;
        if (format.csv) return IntelOutput.Format.CSV;
        if (format.raw) return IntelOutput.Format.RAW;
        if (format.table || input != null) return IntelOutput.Format.TABLE;
        return IntelOutput.Format.DETAIL;
    }

    private PrintWriter openOutput() throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            return new PrintWriter(out) {
                @Override
                public void close() {
                    flush(); // standard output stays open for picocli
                }
            };
        }
        return new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
    }

    /** Colours only on the terminal, never in a file written with --output. */
    private Ansi ansi() {
        return output == null ? spec.commandLine().getColorScheme().ansi() : Ansi.OFF;
    }

    /** A progress bar for bulk runs when standard error is a terminal (the launcher tells; Java alone cannot). */
    private boolean progress() {
        return !noProgress && input != null
                && (Boolean.getBoolean("riposte.stderr.terminal") || System.console() != null);
    }

    /** The number of lines in the input file, for the progress bar's ETA; -1 when unknown (standard input). */
    private long totalHint() {
        if (input == null) return indicators.size();
        if (input.equals("-")) return -1;
        try (var lines = Files.lines(Path.of(input), StandardCharsets.UTF_8)) {
            return lines.count() + indicators.size();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    @Command(name = "lookup", header = "Run every section that applies to each indicator.")
    static final class Lookup extends IntelSubcommand {
        @Override
        Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }
    }

    @Command(name = "insight", header = "Reputation, prevalence, first/last seen, targets and actors (files, domains, IPs, URLs).")
    static final class Insight extends IntelSubcommand {
        @Override
        Set<Section> sections() {
            return EnumSet.of(Section.INSIGHT);
        }
    }

    @Command(name = "protection", header = "Which Symantec technologies detect or block it (files, domains, IPs, CVEs).")
    static final class Protection extends IntelSubcommand {
        @Override
        Set<Section> sections() {
            return EnumSet.of(Section.PROTECTION);
        }
    }

    @Command(name = "related", header = "Related files, domains and IPs, by relation (files, domains, IPs).")
    static final class Related extends IntelSubcommand {
        @Override
        Set<Section> sections() {
            return EnumSet.of(Section.RELATED);
        }
    }

    @Command(name = "processchain", header = "The most common parent-process lineages of a file (SHA-256).")
    static final class ProcessChain extends IntelSubcommand {
        @Override
        Set<Section> sections() {
            return EnumSet.of(Section.PROCESS_CHAIN);
        }
    }

    @Command(name = "history", header = "Risk-level and categorisation history of a domain, IP or URL.")
    static final class History extends IntelSubcommand {
        @Override
        Set<Section> sections() {
            return EnumSet.of(Section.HISTORY);
        }
    }
}
