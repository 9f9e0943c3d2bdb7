package riposte.simulator.ses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import riposte.simulator.http.JsonWriter;

/**
 * Writes the members (after the {@code network} echo key) of the network replies for population domains, IPs and
 * URLs. Malicious domains {@code 2f, 2f+1} and IP {@code f} belong to file family {@code f}, so related lookups
 * lead back to the files that use them.
 */
final class NetworkRecords {

    /** Which index space a network indicator belongs to. */
    enum Kind { DOMAIN, IP, URL }

    private final SesPopulation population;
    private final long seed;

    NetworkRecords(SesPopulation population) {
        this.population = population;
        this.seed = population.seed();
    }

    static boolean isMalicious(Kind kind, long i) {
        return switch (kind) {
            case DOMAIN -> i < SesPopulation.MALICIOUS_DOMAINS;
            case IP -> i < SesPopulation.MALICIOUS_IPS;
            case URL -> i < SesPopulation.MALICIOUS_URLS;
        };
    }

    /** Facts shared by insight and history, drawn in a fixed order from the record's dice. */
    private record Facts(boolean bad, int level, Vocabulary.Category category, Dates.Seen seen, String prevalence) {}

    private Facts facts(Kind kind, long i) {
        Dice d = new Dice(seed, Streams.NETWORK_FACTS + 100L * kind.ordinal(), i);
        Dates.Seen seen = Dates.seen(d);
        if (isMalicious(kind, i)) {
            boolean malicious = d.chance(0.8);
            int level = malicious ? d.between(9, 10) : d.between(7, 8);
            var category = kind == Kind.IP && malicious ? Vocabulary.MALICIOUS_CATEGORIES.get(2)
                    : d.pick(malicious ? Vocabulary.MALICIOUS_CATEGORIES : Vocabulary.SUSPICIOUS_CATEGORIES);
            return new Facts(true, level, category, seen, d.pick(Vocabulary.BAD_NETWORK_PREVALENCE));
        }
        if (kind != Kind.IP && d.chance(0.02)) {
            // S1: uncategorised indicators get risk level 5 and reputation BAD by default. Kept as a quirk.
            return new Facts(true, 5, Vocabulary.UNCATEGORIZED, seen, "Low");
        }
        var category = kind == Kind.IP ? Vocabulary.BENIGN_CATEGORIES.get(d.nextInt(2) == 0 ? 0 : 8)
                : d.pick(Vocabulary.BENIGN_CATEGORIES);
        return new Facts(false, d.between(1, 3), category, seen, d.pick(Vocabulary.GOOD_NETWORK_PREVALENCE));
    }

    void insight(JsonWriter w, Kind kind, long i) {
        Facts f = facts(kind, i);
        Json.riskAndCategory(w, f.level(), f.category());
        w.field("reputation", f.bad() ? "BAD" : "GOOD");
        if (kind == Kind.URL) return; // like the S1 URL fixture: no prevalence, dates or targets for URLs
        w.field("prevalence", f.prevalence()).field("firstSeen", f.seen().firstText())
                .field("lastSeen", f.seen().lastText());
        Family family = family(kind, i);
        if (family != null) Json.targetOrgs(w, family.countries(), family.industries());
    }

    void protection(JsonWriter w, Kind kind, long i) {
        w.name("state").beginArray();
        if (isMalicious(kind, i)) {
            Dice d = new Dice(seed, Streams.NETWORK_PROTECTION + 100L * kind.ordinal(), i);
            long first = facts(kind, i).seen().first();
            boolean av = d.chance(0.3);
            boolean bash = d.chance(0.2);
            if (d.chance(0.7) || !av && !bash) {
                Json.state(w, Vocabulary.IPS, Dates.defset(first + d.nextInt(10), d.between(1, 70), false),
                        d.pick(Vocabulary.NETWORK_IPS_NAMES));
            }
            if (av) {
                // The dotted defset form appears in a real network reply (S5), so some replies use it.
                Json.state(w, Vocabulary.AV, Dates.defset(first + d.nextInt(10), d.between(1, 60), d.chance(0.3)),
                        "WS.Reputation.1");
            }
            if (bash) {
                Json.state(w, Vocabulary.BASH, Dates.defset(first + d.nextInt(30), d.between(1, 9), false),
                        d.pick(Vocabulary.BASH_NAMES));
            }
        }
        w.endArray();
    }

    void related(JsonWriter w, Kind kind, long i) {
        w.name("related").beginArray();
        Family family = family(kind, i);
        if (family != null) {
            Dice d = new Dice(seed, Streams.NETWORK_RELATED + 100L * kind.ordinal(), i);
            List<String> files = new ArrayList<>();
            for (int k = 0, n = d.between(1, 3); k < n; k++) files.add(population.fileSha(family.firstFile() + k));
            Json.related(w, "File", files, family.actor() != null ? "byThreatActor" : "bySimilarIncidents");
            String domain0 = population.domainName(2 * family.index());
            String domain1 = population.domainName(2 * family.index() + 1);
            List<String> domains = switch (kind) {
                case DOMAIN -> List.of(i % 2 == 0 ? domain1 : domain0);
                default -> List.of(domain0, domain1);
            };
            Json.related(w, "Domain", domains, "byNetworkingTrait");
            if (kind != Kind.IP) Json.related(w, "IP", List.of(population.ipAddress(family.index())), "byNetworkingTrait");
        }
        w.endArray();
    }

    /**
     * SIMULATOR-INVENTED shape: the real history reply is not public (reference §4.3). Entries are
     * {@code {"date","threatRiskLevel":{"level"},"categorization":{"categories":[…]}}}, oldest first, the last one
     * matching the current insight.
     */
    void history(JsonWriter w, Kind kind, long i) {
        Facts f = facts(kind, i);
        Dice d = new Dice(seed, Streams.NETWORK_HISTORY + 100L * kind.ordinal(), i);
        int entries = f.bad() ? d.between(1, 4) : 1;
        w.name("history").beginArray();
        long span = Math.max(1, f.seen().last() - f.seen().first());
        for (int k = 0; k < entries; k++) {
            boolean last = k == entries - 1;
            long day = f.seen().first() + span * k / entries;
            int level = last ? f.level() : d.between(4, Math.max(4, f.level() - 1));
            var category = last ? f.category() : (k == 0 ? Vocabulary.UNCATEGORIZED : d.pick(Vocabulary.SUSPICIOUS_CATEGORIES));
            w.beginObject().field("date", LocalDate.ofEpochDay(day).toString());
            Json.riskAndCategory(w, level, category);
            w.endObject();
        }
        w.endArray();
    }

    /** The file family behind a malicious domain, IP or URL, or {@code null} for infrastructure of no family. */
    private Family family(Kind kind, long i) {
        if (!isMalicious(kind, i)) return null;
        long f = switch (kind) {
            case DOMAIN -> i / 2;
            case IP -> i;
            case URL -> (i % SesPopulation.MALICIOUS_DOMAINS) / 2;
        };
        return f < Family.COUNT ? Family.of(seed, f) : null;
    }
}
