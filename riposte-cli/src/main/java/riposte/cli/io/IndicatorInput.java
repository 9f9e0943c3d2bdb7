package riposte.cli.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;

/**
 * Reads indicators lazily from an input file or standard input: one per line (blank lines and {@code #} comments
 * skipped), or one column of a CSV file with a header. Lines are parsed one by one, so a bad line never stops the
 * rest and a million-line file is never held in memory.
 */
public final class IndicatorInput {

    /** Header names taken as "the indicator column" when {@code --column} is not given. */
    private static final Set<String> INDICATOR_COLUMNS = Set.of(
            "indicator", "value", "ioc", "observable", "sha256", "sha-256", "hash", "domain", "ip", "url", "cve");

    private IndicatorInput() {}

    /** Indicators given as command-line arguments. */
    public static List<InputLine> fromArguments(List<String> arguments) {
        List<InputLine> lines = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            lines.add(parse("argument " + (i + 1), arguments.get(i)));
        }
        return lines;
    }

    /**
     * Opens {@code path} ({@code -} for standard input). {@code column} selects a CSV column by header name; without
     * it a CSV file is recognised by a header line that names an indicator column.
     */
    public static Iterator<InputLine> open(String path, String column, InputStream stdin) {
        String name = path.equals("-") ? "stdin" : path;
        BufferedReader reader;
        try {
            reader = path.equals("-")
                    ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
            reader.mark(64 * 1024);
            String first = reader.readLine();
            reader.reset();
            String csvColumn = column != null ? column : headerColumn(first);
            return csvColumn != null ? csv(name, reader, csvColumn) : lines(name, reader);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, "input file " + path + " does not exist");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + name + ": " + e.getMessage());
        }
    }

    static InputLine parse(String origin, String text) {
        try {
            return new InputLine.Parsed(origin, IndicatorParser.parse(text));
        } catch (InvalidIndicatorException e) {
            return new InputLine.Invalid(origin, text, e.getMessage());
        }
    }

    private static String headerColumn(String firstLine) {
        if (firstLine == null || !firstLine.contains(",")) return null;
        for (String cell : firstLine.split(",")) {
            String c = cell.strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (INDICATOR_COLUMNS.contains(c)) return cell.strip().replace("\"", "");
        }
        return null;
    }

    private static Iterator<InputLine> lines(String name, BufferedReader reader) {
        return new Iterator<>() {
            private int number;
            private InputLine next = advance();

            private InputLine advance() {
                try {
                    for (String line; (line = reader.readLine()) != null; ) {
                        number++;
                        if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                        String t = line.strip();
                        if (t.isEmpty() || t.startsWith("#")) continue;
                        return parse(name + ":" + number, t);
                    }
                    reader.close();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + name + " at line " + number, e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public InputLine next() {
                if (next == null) throw new NoSuchElementException();
                InputLine current = next;
                next = advance();
                return current;
            }
        };
    }

    private static Iterator<InputLine> csv(String name, BufferedReader reader, String column) throws IOException {
        CSVParser parser;
        try {
            parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get().parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // a header with an empty or repeated name, or a broken quote in it (found by riposte-bench's FuzzBenchmark)
            throw new CliException(ExitCodes.USAGE, name + " is not a CSV file with a usable header: " + e.getMessage());
        }
        if (parser.getHeaderMap().keySet().stream().noneMatch(h -> h.equalsIgnoreCase(column))) {
            throw new CliException(ExitCodes.USAGE, name + " has no column '" + column + "'; its columns are "
                    + parser.getHeaderNames());
        }
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            /** Set once the parser failed: the last line handed out, saying where and why. */
            private InputLine brokenAt;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (done) return false;
                if (brokenAt != null) return true;
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // a broken quote mid-file (found by riposte-bench's FuzzBenchmark): the parser cannot resync
                    brokenAt = new InputLine.Invalid(name + ":" + parser.getCurrentLineNumber(), "",
                            "not valid CSV from here on (" + e.getMessage() + "); the rest of the file was not read");
                    return true;
                }
            }

            @Override
            public InputLine next() {
                if (!hasNext()) throw new NoSuchElementException();
                if (brokenAt != null) {
                    done = true;
                    return brokenAt;
                }
                CSVRecord r = records.next();
                String origin = name + ":" + (r.getRecordNumber() + 1);
                if (!r.isMapped(column) || !r.isSet(column)) {
                    return new InputLine.Invalid(origin, r.toString(), "the row has no '" + column + "' value");
                }
                return parse(origin, r.get(column));
            }
        };
    }
}
