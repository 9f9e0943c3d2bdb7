package riposte.simulator.ses;

import java.time.LocalDate;

/** First/last-seen dates and definition-set versions, drawn from a record's dice. */
final class Dates {
    private Dates() {}

    private static final long START = LocalDate.of(2016, 1, 1).toEpochDay();
    private static final long END = LocalDate.of(2025, 10, 31).toEpochDay();

    /** First and last seen, as epoch days; always drawn first from a record's facts dice so all endpoints agree. */
    record Seen(long first, long last) {
        String firstText() {
            return LocalDate.ofEpochDay(first).toString();
        }

        String lastText() {
            return LocalDate.ofEpochDay(last).toString();
        }
    }

    static Seen seen(Dice d) {
        long first = START + d.nextInt((int) (END - START - 30));
        long last = Math.min(END, first + d.nextInt(700));
        return new Seen(first, last);
    }

    /** {@code YYYYMMDD.NNN}, the usual defset format; {@code dotted} gives {@code YYYY.MM.DD.NNN}, also seen (§4.4). */
    static String defset(long epochDay, int revision, boolean dotted) {
        LocalDate date = LocalDate.ofEpochDay(Math.min(epochDay, END));
        String rev = String.format("%03d", revision);
        return dotted
                ? String.format("%04d.%02d.%02d.%s", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), rev)
                : String.format("%04d%02d%02d.%s", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), rev);
    }
}
