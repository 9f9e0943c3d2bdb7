package riposte.cli.intel;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import riposte.cli.ExitCodes;
import riposte.cli.Failures;
import riposte.cli.io.BulkRunner;
import riposte.cli.io.InputLine;
import riposte.cli.io.Terminal;
import riposte.core.enrichment.Enricher;
import riposte.core.enrichment.Enrichment;
import riposte.core.enrichment.ErrorKind;
import riposte.core.enrichment.Section;
import riposte.core.enrichment.SectionOutcome;
import riposte.core.enrichment.Verdict;

/**
 * One {@code riposte intel} run: enriches each distinct indicator, writes results in input order, reports invalid
 * lines on standard error, and ends with a summary and the exit code. An authentication failure stops the run at
 * once (every further request would fail the same way); other failures are counted and the run goes on.
 */
final class IntelRun {
    private final Enricher enricher;
    private final Set<Section> sections;
    private final int concurrency;
    private final IntelOutput output;
    private final PrintWriter err;
    private final boolean progress;
    private final boolean interactive;

    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private final Map<ErrorKind, Integer> failures = new EnumMap<>(ErrorKind.class);
    private int lookedUp;
    private int duplicates;
    private int invalid;
    private int nothingApplicable;
    private String firstNotApplicableReason;
    private String authenticationFailure;

    /**
     * @param interactive indicators came as arguments: print no summary, and treat "no section applies" as an
     *                    input error (exit 2) rather than a skipped line
     */
    IntelRun(Enricher enricher, Set<Section> sections, int concurrency, IntelOutput output, PrintWriter err,
             boolean progress, boolean interactive) {
        this.enricher = enricher;
        this.sections = sections;
        this.concurrency = concurrency;
        this.output = output;
        this.err = err;
        this.progress = progress;
        this.interactive = interactive;
    }

    int execute(Iterator<InputLine> lines, long totalHint) throws InterruptedException {
        long started = System.nanoTime();
        BulkRunner<Enrichment> runner = new BulkRunner<>(concurrency, indicator -> enricher.enrich(indicator, sections));
        try (ProgressBar bar = progress ? progressBar(totalHint) : null) {
            runner.run(lines, item -> {
                if (bar != null) bar.step();
                return accept(item);
            });
        }
        if (!interactive) summary(Duration.ofNanos(System.nanoTime() - started));
        return exitCode();
    }

    private boolean accept(BulkRunner.Item<Enrichment> item) {
        switch (item) {
            case BulkRunner.Item.Invalid<Enrichment> i -> {
                invalid++;
                err.println(Terminal.safe(i.line().origin() + ": " + i.line().reason()));
            }
            case BulkRunner.Item.Duplicate<Enrichment> d -> duplicates++;
            case BulkRunner.Item.Done<Enrichment> d -> {
                Enrichment e = d.result();
                boolean anyApplicable = false;
                for (SectionOutcome o : e.outcomes()) {
                    switch (o) {
                        case SectionOutcome.Failed f when f.kind() == ErrorKind.AUTHENTICATION -> {
                            authenticationFailure = f.message();
                            return false;
                        }
                        case SectionOutcome.Failed f -> {
                            failures.merge(f.kind(), 1, Integer::sum);
                            anyApplicable = true;
                        }
                        case SectionOutcome.NotApplicable n -> {
                            if (firstNotApplicableReason == null) firstNotApplicableReason = n.reason();
                        }
                        case SectionOutcome.Fetched f -> anyApplicable = true;
                    }
                }
                if (!anyApplicable) {
                    nothingApplicable++;
                    err.println(Terminal.safe(d.origin() + ": nothing to look up for " + e.indicator().describe()
                            + ": " + reasons(e)));
                    return true;
                }
                lookedUp++;
                verdicts.merge(e.assessment().verdict(), 1, Integer::sum);
                output.write(e);
            }
        }
        return true;
    }

    /** The one reason when one section was asked for; otherwise what the service takes at all. */
    private static String reasons(Enrichment e) {
        var reasons = e.outcomes().stream().filter(o -> o instanceof SectionOutcome.NotApplicable)
                .map(o -> ((SectionOutcome.NotApplicable) o).reason()).toList();
        if (reasons.size() == 1) return reasons.get(0);
        return "Symantec Threat Intelligence takes SHA-256 hashes, domains, IPv4 addresses, URLs and CVE ids (given: "
                + e.indicator().type().label() + ")";
    }

    private int exitCode() {
        if (authenticationFailure != null) {
            err.println("riposte: authentication failed: " + Terminal.safe(authenticationFailure));
            return ExitCodes.AUTHENTICATION;
        }
        int worst = ExitCodes.OK;
        for (ErrorKind kind : failures.keySet()) {
            int code = Failures.exitCode(kind);
            if (code == ExitCodes.UPSTREAM || worst == ExitCodes.OK) worst = code;
        }
        if (worst != ExitCodes.OK) return worst;
        if (interactive && nothingApplicable > 0) return ExitCodes.USAGE;
        if (!interactive && lookedUp == 0 && (invalid > 0 || nothingApplicable > 0)) return ExitCodes.USAGE;
        return ExitCodes.OK;
    }

    private void summary(Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Looked up %d indicator%s in %.1f s (%.0f/s)", lookedUp,
                lookedUp == 1 ? "" : "s", seconds, lookedUp / seconds));
        if (!verdicts.isEmpty()) {
            s.append(": ");
            verdicts.forEach((v, n) -> s.append(n).append(' ').append(v.name().toLowerCase(Locale.ROOT)).append(", "));
            s.setLength(s.length() - 2);
        }
        s.append('.');
        if (duplicates > 0) s.append(' ').append(duplicates).append(" duplicate").append(duplicates == 1 ? "" : "s").append(" skipped.");
        if (invalid > 0) s.append(' ').append(invalid).append(" invalid line").append(invalid == 1 ? "" : "s").append(" skipped.");
        if (nothingApplicable > 0) s.append(' ').append(nothingApplicable).append(" with nothing to look up.");
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        if (failed > 0) s.append(' ').append(failed).append(" section").append(failed == 1 ? "" : "s").append(" failed after retries.");
        err.println(s);
        err.flush();
    }

    private ProgressBar progressBar(long total) {
        return new ProgressBarBuilder().setTaskName("Enriching").setInitialMax(total)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250)
                .showSpeed().build();
    }
}
