package riposte.symantec.sepm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;

/**
 * The integration guide's "Add Hash to Blacklist" and "Delete Hash from Blacklist" workflows over a
 * {@link SepmClient}: SEPM only replaces whole lists, so a hash is added by reading the list and writing it back
 * with the hash (creating the list if it does not exist), and removed the same way, deleting the list when the
 * hash was its last one (SEPM refuses an empty list). Not atomic: two editors of one list can lose an update.
 */
public final class FingerprintListEditor {
    private final SepmClient sepm;

    public FingerprintListEditor(SepmClient sepm) {
        this.sepm = sepm;
    }

    /** What {@link #removeHash} did. */
    public enum Removal {
        /** No list of that name exists. */
        NO_SUCH_LIST,
        /** The list does not hold the hash; nothing was written. */
        NOT_PRESENT,
        /** The list was written back without the hash. */
        REMOVED,
        /** The hash was the last one, so the list was deleted (which also unassigns it from groups). */
        LIST_DELETED
    }

    /** Adds {@code hash} (MD5 or SHA-256) to the list {@code name}, creating it if needed; returns the list id. */
    public String addHash(String name, String domainId, String hash, String description) {
        Indicator h = IndicatorParser.parse(hash);
        Optional<FingerprintList> existing = sepm.fingerprintListByName(name, domainId);
        if (existing.isEmpty()) {
            return sepm.createFingerprintList(new FingerprintListRequest(name, description, domainId, List.of(h)));
        }
        FingerprintList list = existing.get();
        if (list.contains(h.value())) return list.id();
        List<Indicator> hashes = new ArrayList<>(hashes(list));
        hashes.add(h);
        sepm.replaceFingerprintList(list.id(), new FingerprintListRequest(name,
                description != null ? description : list.description(), domainId, hashes));
        return list.id();
    }

    /** Removes {@code hash} from the list {@code name}. */
    public Removal removeHash(String name, String domainId, String hash) {
        Indicator h = IndicatorParser.parse(hash);
        Optional<FingerprintList> existing = sepm.fingerprintListByName(name, domainId);
        if (existing.isEmpty()) return Removal.NO_SUCH_LIST;
        FingerprintList list = existing.get();
        if (!list.contains(h.value())) return Removal.NOT_PRESENT;
        List<Indicator> rest = hashes(list).stream().filter(x -> !x.value().equalsIgnoreCase(h.value())).toList();
        if (rest.isEmpty()) {
            sepm.deleteFingerprintList(list.id());
            return Removal.LIST_DELETED;
        }
        sepm.replaceFingerprintList(list.id(), new FingerprintListRequest(name, list.description(), domainId, rest));
        return Removal.REMOVED;
    }

    private static List<Indicator> hashes(FingerprintList list) {
        return list.fingerprints().stream().map(f -> IndicatorParser.parse(f.value())).toList();
    }
}
