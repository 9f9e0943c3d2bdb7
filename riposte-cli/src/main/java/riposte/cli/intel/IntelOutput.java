package riposte.cli.intel;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Help.Ansi;
import riposte.cli.io.SafeCsv;
import riposte.cli.io.Terminal;
import riposte.core.enrichment.Enrichment;
import riposte.core.enrichment.SectionOutcome;
import riposte.core.enrichment.Verdict;

/** Where enrichments go, in one of the output formats of {@code riposte intel}. */
sealed interface IntelOutput extends AutoCloseable {

    void write(Enrichment enrichment);

    @Override
    default void close() {}

    enum Format { DETAIL, TABLE, JSON, CSV, RAW }

    static IntelOutput of(Format format, PrintWriter out, Ansi ansi) {
        return switch (format) {
            case DETAIL -> new Detail(out, ansi);
            case TABLE -> new Table(out, ansi);
            case JSON -> new JsonLines(out);
            case CSV -> new Csv(out);
            case RAW -> new Raw(out);
        };
    }

    /** Everything known about each indicator, section by section: for a few indicators typed by hand. */
    record Detail(PrintWriter out, Ansi ansi) implements IntelOutput {
        @Override
        public void write(Enrichment e) {
            out.println(ansi.string("@|bold " + escapeMarkup(e.indicator().type().label()) + "|@ ")
                    + Terminal.safe(e.indicator().value()) + "  " + verdict(ansi, e.assessment().verdict()));
            for (String reason : e.assessment().reasons()) out.println("  - " + Terminal.safe(reason));
            for (SectionOutcome o : e.outcomes()) {
                String title = o.section().jsonName();
                switch (o) {
                    case SectionOutcome.Fetched f -> {
                        String age = f.provenance().cacheHit()
                                ? " (cached, " + f.provenance().age().toSeconds() + " s old)" : "";
                        out.println(ansi.string("  @|bold " + title + "|@") + age);
                        Map<String, String> facts = Facts.of(f.result());
                        if (facts.isEmpty()) out.println("    " + noData(o.section()));
                        int width = facts.keySet().stream().mapToInt(String::length).max().orElse(0);
                        facts.forEach((k, v) -> out.printf("    %-" + width + "s  %s%n", Terminal.safe(k), Terminal.safe(v)));
                    }
                    case SectionOutcome.Failed f -> out.println(ansi.string("  @|bold " + title + "|@ @|red failed|@: ")
                            + Terminal.safe(f.message()));
                    case SectionOutcome.NotApplicable n -> out.println(ansi.string("  @|bold " + title + "|@ not applicable: ")
                            + Terminal.safe(n.reason().startsWith(title + ": ") ? n.reason().substring(title.length() + 2) : n.reason()));
                }
            }
            out.println();
            out.flush();
        }
    }

    /** One line per indicator: for bulk runs read on a terminal. */
    record Table(PrintWriter out, Ansi ansi) implements IntelOutput {
        @Override
        public void write(Enrichment e) {
            String failed = e.outcomes().stream().filter(o -> o instanceof SectionOutcome.Failed)
                    .map(o -> o.section().jsonName()).collect(Collectors.joining(","));
            String reasons = String.join("; ", e.assessment().reasons());
            out.printf("%s  %-8s %s  %s%s%n", verdict(ansi, e.assessment().verdict()),
                    e.indicator().type().id(), Terminal.safe(e.indicator().value()), Terminal.safe(reasons),
                    failed.isEmpty() ? "" : ansi.string("  @|red failed: " + failed + "|@"));
            out.flush();
        }
    }

    /** One JSON object per line (JSON Lines). */
    record JsonLines(PrintWriter out) implements IntelOutput {
        @Override
        public void write(Enrichment e) {
            out.println(EnrichmentJson.line(e));
            out.flush();
        }
    }

    /** The API bodies exactly as received, one per line, for piping into other tools. */
    record Raw(PrintWriter out) implements IntelOutput {
        @Override
        public void write(Enrichment e) {
            for (SectionOutcome o : e.outcomes()) {
                if (o instanceof SectionOutcome.Fetched f) out.println(f.result().raw());
            }
            out.flush();
        }
    }

    /** A spreadsheet-safe CSV with one row per indicator and a fixed header. */
    final class Csv implements IntelOutput {
        static final List<String> HEADER = List.of("type", "indicator", "verdict", "verdict_reasons", "reputation",
                "prevalence", "risk_level", "categories", "first_seen", "last_seen", "top_countries", "top_industries",
                "actors", "detections", "related", "process_lineages", "errors", "not_applicable");
        private final CSVPrinter printer;

        Csv(PrintWriter out) {
            try {
                printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(Enrichment e) {
            Map<String, String> facts = new LinkedHashMap<>();
            StringBuilder errors = new StringBuilder();
            StringBuilder skipped = new StringBuilder();
            for (SectionOutcome o : e.outcomes()) {
                switch (o) {
                    case SectionOutcome.Fetched f -> Facts.of(f.result()).forEach(facts::putIfAbsent);
                    case SectionOutcome.Failed f -> errors.append(errors.isEmpty() ? "" : "; ")
                            .append(o.section().jsonName()).append(": ").append(f.message());
                    case SectionOutcome.NotApplicable n -> skipped.append(skipped.isEmpty() ? "" : "; ")
                            .append(o.section().jsonName()).append(": ").append(n.reason());
                }
            }
            List<Object> row = List.of(e.indicator().type().id(), e.indicator().value(),
                    e.assessment().verdict().name().toLowerCase(Locale.ROOT), String.join("; ", e.assessment().reasons()),
                    get(facts, "reputation"), get(facts, "prevalence"), get(facts, "risk level"), get(facts, "categories"),
                    get(facts, "first seen"), get(facts, "last seen"), get(facts, "top countries"),
                    get(facts, "top industries"), get(facts, "actors"), get(facts, "detections"),
                    joinStartingWith(facts, "related ", "; "), joinStartingWith(facts, "lineage ", " | "),
                    errors.toString(), skipped.toString());
            try {
                printer.printRecord(row.stream().map(SafeCsv::cell).toList());
                printer.flush();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private static String get(Map<String, String> facts, String key) {
            return facts.getOrDefault(key, "");
        }

        private static String joinStartingWith(Map<String, String> facts, String prefix, String separator) {
            return facts.entrySet().stream().filter(en -> en.getKey().startsWith(prefix))
                    .map(en -> prefix.equals("related ") ? en.getKey().substring(prefix.length()) + " " + en.getValue()
                            : en.getValue())
                    .collect(Collectors.joining(separator));
        }
    }

    private static String noData(riposte.core.enrichment.Section section) {
        return switch (section) {
            case INSIGHT -> "no data: Symantec has no insight on it";
            case PROTECTION -> "not detected by AntiVirus, Intrusion Prevention or Behavioural Analysis";
            case RELATED -> "no related indicators";
            case PROCESS_CHAIN -> "no process chain recorded";
            case HISTORY -> "no history recorded";
        };
    }

    private static String verdict(Ansi ansi, Verdict verdict) {
        String style = switch (verdict) {
            case MALICIOUS -> "bold,red";
            case SUSPICIOUS -> "yellow";
            case BENIGN -> "green";
            case UNKNOWN -> "faint";
        };
        return ansi.string("@|" + style + " " + String.format("%-10s", verdict.name()) + "|@");
    }

    /** Picocli markup must never be built from data; labels are ours, but keep them inert anyway. */
    private static String escapeMarkup(String s) {
        return s.replace("@|", "@ |");
    }
}
