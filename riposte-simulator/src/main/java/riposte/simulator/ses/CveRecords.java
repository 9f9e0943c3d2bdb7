package riposte.simulator.ses;

import java.time.LocalDate;
import riposte.simulator.http.JsonWriter;

/** Writes the {@code state} of a population CVE: always an IPS signature, sometimes AV or BASH too. */
final class CveRecords {

    private final long seed;

    CveRecords(long seed) {
        this.seed = seed;
    }

    void protection(JsonWriter w, String cve) {
        int year = Integer.parseInt(cve, 4, 8, 10);
        Dice d = new Dice(seed, Streams.CVE, cve.hashCode());
        long day = LocalDate.of(year, 1, 1).toEpochDay() + d.nextInt(360);
        String product = d.pick(Vocabulary.CVE_PRODUCTS);
        w.name("state").beginArray();
        Json.state(w, Vocabulary.IPS, Dates.defset(day, d.between(1, 70), false),
                (d.chance(0.5) ? "Web Attack: " : "Attack: ") + product + " " + cve);
        if (d.chance(0.3)) Json.state(w, Vocabulary.AV, Dates.defset(day + d.nextInt(30), d.between(1, 60), false),
                "Exp." + cve);
        if (d.chance(0.1)) Json.state(w, Vocabulary.BASH, Dates.defset(day + d.nextInt(60), d.between(1, 9), false),
                d.pick(Vocabulary.BASH_NAMES));
        w.endArray();
    }
}
