package riposte.simulator.ses;

import java.util.ArrayList;
import java.util.List;
import riposte.simulator.http.JsonWriter;

/**
 * Writes the members (after the {@code file} echo key) of the four file replies for population file {@code i}.
 * Malicious files get the full picture; benign ones reputation (sometimes missing, as the real API does),
 * prevalence and dates, an empty {@code state} and {@code related}, and a short ordinary process chain.
 */
final class FileRecords {

    private final SesPopulation population;
    private final long seed;

    FileRecords(SesPopulation population) {
        this.population = population;
        this.seed = population.seed();
    }

    void insight(JsonWriter w, long i) {
        Dice d = new Dice(seed, Streams.FILE_FACTS, i);
        Dates.Seen seen = Dates.seen(d);
        boolean malicious = SesPopulation.isMaliciousFile(i);
        if (malicious) {
            w.field("firstSeen", seen.firstText()).field("lastSeen", seen.lastText());
            w.field("reputation", "BAD").field("prevalence", d.pick(Vocabulary.MALICIOUS_FILE_PREVALENCE));
            Family f = Family.ofFile(seed, i);
            Json.targetOrgs(w, f.countries(), f.industries());
            if (f.actor() != null) w.stringArray("actors", List.of(f.actor()));
            if (f.reference() != null) {
                w.name("associatedReferences").beginArray().beginObject()
                        .field("url", "https://threat-landscape-bulletin.broadcom.com/item/" + f.reference())
                        .field("description", f.description()).endObject().endArray();
            }
        } else {
            w.field("firstSeen", seen.firstText()).field("lastSeen", seen.lastText());
            // Reputation is sometimes absent from real replies (reference §4, S7); clients must cope.
            if (!d.chance(0.1)) w.field("reputation", "GOOD");
            w.field("prevalence", d.pick(Vocabulary.BENIGN_FILE_PREVALENCE));
        }
    }

    void protection(JsonWriter w, long i) {
        w.name("state").beginArray();
        if (SesPopulation.isMaliciousFile(i)) {
            long first = Dates.seen(new Dice(seed, Streams.FILE_FACTS, i)).first();
            Dice d = new Dice(seed, Streams.FILE_PROTECTION, i);
            Family f = Family.ofFile(seed, i);
            boolean ips = d.chance(0.3);
            boolean bash = d.chance(0.4);
            if (!ips && !bash || d.chance(0.9)) {
                Json.state(w, Vocabulary.AV, Dates.defset(first + d.nextInt(5), d.between(1, 60), false), f.avName());
            }
            if (ips) {
                Json.state(w, Vocabulary.IPS, Dates.defset(first + d.nextInt(40), d.between(1, 70), false),
                        d.pick(Vocabulary.FILE_IPS_NAMES));
            }
            if (bash) {
                Json.state(w, Vocabulary.BASH, Dates.defset(first + d.nextInt(20), d.between(1, 9), false),
                        d.pick(Vocabulary.BASH_NAMES));
            }
        }
        w.endArray();
    }

    void related(JsonWriter w, long i) {
        w.name("related").beginArray();
        if (SesPopulation.isMaliciousFile(i)) {
            Dice d = new Dice(seed, Streams.FILE_RELATED, i);
            Family f = Family.ofFile(seed, i);
            List<String> siblings = siblings(f, i);
            Json.related(w, "File", siblings.subList(0, d.between(2, 4)), "bySignature");
            if (d.chance(0.5)) Json.related(w, "File", siblings.subList(4, 6), "byProcessChain");
            if (f.actor() != null) Json.related(w, "File", siblings.subList(6, 7), "byThreatActor");
            if (d.chance(0.7)) {
                Json.related(w, "Domain", List.of(population.domainName(2 * f.index()),
                        population.domainName(2 * f.index() + 1)), "byNetworkingTrait");
            }
            if (d.chance(0.5)) Json.related(w, "IP", List.of(population.ipAddress(f.index())), "byNetworkingTrait");
        }
        w.endArray();
    }

    /**
     * Top-K parent lineages, most common first. Each element starts at the direct parent (the queried file is not
     * repeated) and its last node has no {@code parent} key. Well-known processes map to fixed benign population
     * files, so chains point at files the simulator knows.
     */
    void processChain(JsonWriter w, long i) {
        Dice d = new Dice(seed, Streams.PROCESS_CHAIN, i);
        w.name("chain").beginArray();
        if (SesPopulation.isMaliciousFile(i)) {
            int k = d.between(1, 3);
            for (List<String> lineage : d.distinct(Vocabulary.MALICIOUS_LINEAGES, k)) {
                List<String[]> nodes = new ArrayList<>();
                if (d.chance(0.3)) {
                    long dropper = Family.ofFile(seed, i).firstFile() + (i + 1) % SesPopulation.FAMILY_SIZE;
                    nodes.add(new String[] {population.fileSha(dropper), population.fileName(dropper)});
                }
                for (String process : lineage) nodes.add(new String[] {population.systemBinary(process), process});
                lineage(w, nodes);
            }
        } else if (d.chance(0.8)) {
            List<String[]> nodes = new ArrayList<>();
            for (String process : d.pick(Vocabulary.BENIGN_LINEAGES)) {
                nodes.add(new String[] {population.systemBinary(process), process});
            }
            lineage(w, nodes);
        }
        w.endArray();
    }

    /** {@code {"parent":{"file":…,"processName":…,"parent":{…}}}}, nested from the direct parent outwards. */
    static void lineage(JsonWriter w, List<String[]> nodes) {
        w.beginObject();
        for (String[] node : nodes) {
            w.name("parent").beginObject().field("file", node[0]).field("processName", node[1]);
        }
        for (int k = 0; k < nodes.size(); k++) w.endObject();
        w.endObject();
    }

    /** The other seven files of i's family, in a per-file rotated order. */
    private List<String> siblings(Family f, long i) {
        List<String> out = new ArrayList<>(SesPopulation.FAMILY_SIZE - 1);
        for (int k = 1; k < SesPopulation.FAMILY_SIZE; k++) {
            out.add(population.fileSha(f.firstFile() + (i + k) % SesPopulation.FAMILY_SIZE));
        }
        return out;
    }
}
