package riposte.server.console.home;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start page's "incidents and verdicts over time" as SVG geometry computed on the server: per day, one bar for
 * the incidents opened and one stacked bar for the indicators added (malicious, suspicious, benign; unknown left
 * out). The template only draws the shapes; every label is text, escaped like everything else.
 */
public record ActivityChart(int width, int height, List<Bar> bars, List<Label> labels, List<Gridline> grid,
        long maxCount, long incidents, long malicious) {
    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    private static final int LEFT = 34;
    private static final int BOTTOM = 22;
    private static final int TOP = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** A rectangle with its CSS class and tooltip. */
    public record Bar(double x, double y, double width, double height, String css, String title) {}

    /** A text at a point. */
    public record Label(double x, double y, String text, String anchor) {}

    /** A horizontal line of the scale with its value. */
    public record Gridline(double y, long value) {}

    static ActivityChart of(List<LocalDate> days, Map<LocalDate, Long> incidents,
            Map<LocalDate, Map<String, Long>> verdicts) {
        long max = 1;
        for (LocalDate d : days) {
            Map<String, Long> v = verdicts.getOrDefault(d, Map.of());
            long stacked = v.getOrDefault("MALICIOUS", 0L) + v.getOrDefault("SUSPICIOUS", 0L)
                    + v.getOrDefault("BENIGN", 0L);
            max = Math.max(max, Math.max(incidents.getOrDefault(d, 0L), stacked));
        }
        long top = niceCeiling(max);
        double plotHeight = HEIGHT - BOTTOM - TOP;
        double slot = (WIDTH - LEFT - 4) / (double) days.size();
        double barWidth = Math.max(2, slot * 0.36);
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        long totalIncidents = 0;
        long totalMalicious = 0;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            double x = LEFT + i * slot + slot * 0.1;
            String when = DAY.format(day);
            long opened = incidents.getOrDefault(day, 0L);
            totalIncidents += opened;
            double h = opened * plotHeight / top;
            if (opened > 0) {
                bars.add(new Bar(x, TOP + plotHeight - h, barWidth, h, "bar-incidents", when + ": " + opened
                        + (opened == 1 ? " incident" : " incidents")));
            }
            double base = TOP + plotHeight;
            Map<String, Long> v = verdicts.getOrDefault(day, Map.of());
            for (String verdict : List.of("MALICIOUS", "SUSPICIOUS", "BENIGN")) {
                long n = v.getOrDefault(verdict, 0L);
                if (verdict.equals("MALICIOUS")) totalMalicious += n;
                if (n == 0) continue;
                double vh = n * plotHeight / top;
                base -= vh;
                bars.add(new Bar(x + barWidth + 1, base, barWidth, vh, "bar-" + verdict.toLowerCase(Locale.ROOT),
                        when + ": " + n + " " + verdict.toLowerCase(Locale.ROOT)));
            }
            if (days.size() <= 16 || i % 2 == 0) {
                labels.add(new Label(x + barWidth, HEIGHT - 6, when, "middle"));
            }
        }
        List<Gridline> grid = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            long value = top * k / 4;
            grid.add(new Gridline(TOP + plotHeight - value * plotHeight / top, value));
        }
        return new ActivityChart(WIDTH, HEIGHT, bars, labels, grid, top, totalIncidents, totalMalicious);
    }

    /** The top of the scale: four steps of 1, 2 or 5 × 10^n, the smallest reaching {@code n}, so the lines read round. */
    static long niceCeiling(long n) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (4 * m * step >= n) return 4 * m * step;
            }
            step *= 10;
        }
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - 4;
    }
}
