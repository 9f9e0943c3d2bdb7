package riposte.server.datatable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Where the numbered pages of a table in an incident start, per server, so that a page read by number deep in a large
 * table costs what a keyset read costs. An entry holds, for the table's change count {@code S}
 * ({@code data_table_row_counts.changes}, moved under the counter row's lock by every transaction that inserts or
 * deletes rows), the id of every {@value #EVERY}th row in id order. Every snapshot that reads {@code S} sees the same
 * rows, so the entry is right exactly for the reads that see {@code S}: the page read returns the current {@code S}
 * with its rows, and a read that sees another one (or no row at all) is answered by the offset query instead.
 * Correctness never depends on this cache; servers sharing a database each keep their own.
 *
 * <p>Bounded by weight: at most {@value #MAX_BOUNDARIES} boundary ids in all (about 8 MB; 50 million rows of paged
 * tables), least recently used first out.
 */
@Component
class PageBoundaries {
    /** Rows between two boundaries: a page starts at most this many minus one rows after its boundary. */
    static final int EVERY = 50;
    static final long MAX_BOUNDARIES = 1_000_000;
    private final Cache<Key, Entry> entries = Caffeine.newBuilder().maximumWeight(MAX_BOUNDARIES)
            .weigher((Key key, Entry entry) -> entry.ids().length + 1).build();
    private final Set<Key> building = ConcurrentHashMap.newKeySet();

    record Key(long incidentId, long tableId) {}

    /**
     * The boundaries of a table at change count {@code changes}: {@code ids[k]} is the id of row {@code k * EVERY}.
     * {@code seen} is the change count the last read that could not use them saw.
     */
    record Entry(long changes, long[] ids, long seen) {
        Entry(long changes, long[] ids) {
            this(changes, ids, changes);
        }

        /**
         * Whether no read has seen another change count yet: once one has, these boundaries can never be right again
         * (the change count only grows), and reads go to the offset query until they are rebuilt.
         */
        boolean current() {
            return seen == changes;
        }

        /** Whether a page at this offset starts within the rows the entry knows. */
        boolean covers(long offset) {
            return offset / EVERY < ids.length;
        }

        /** The id the page at this offset starts from (or after, by {@code offset % EVERY} rows). */
        long from(long offset) {
            return ids[(int) (offset / EVERY)];
        }
    }

    /** The boundaries known for a table, if any. */
    Entry get(Key key) {
        return entries.getIfPresent(key);
    }

    /**
     * A numbered page of the table could not use {@code known} (none, or another change count) and read change count
     * {@code seen}. Builds the boundaries when there were none, or when the previous miss saw the same change count
     * (the table has been still between two reads); a table being written while it is paged keeps the offset query
     * and is not walked again on every read. One build at a time per table on this server: the others do without.
     */
    void missed(Key key, Entry known, long seen, Supplier<Entry> build) {
        if (known != null && known.seen() != seen) {
            entries.asMap().replace(key, known, new Entry(known.changes(), known.ids(), seen));
            return;
        }
        if (!building.add(key)) return;
        try {
            Entry built = build.get();
            if (built != null) entries.put(key, built);
        } finally {
            building.remove(key);
        }
    }
}
