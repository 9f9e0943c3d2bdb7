package riposte.server.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formatting helpers for templates, as {@code ${@fmt.when(instant)}}: times in UTC, short durations. */
@Component("fmt")
public class ConsoleFormat {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** {@code 2026-11-25 15:20} (UTC), or an empty string for null. */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** {@code 2.4 s}, {@code 3 min 5 s}; empty for null. */
    public String took(Instant from, Instant to) {
        if (from == null || to == null) return "";
        Duration d = Duration.between(from, to);
        if (d.toSeconds() < 60) return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** At most {@code max} characters, with an ellipsis when cut (for table cells; the full text goes in a title). */
    public String cut(String text, int max) {
        if (text == null) return "";
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
