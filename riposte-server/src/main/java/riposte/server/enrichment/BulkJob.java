package riposte.server.enrichment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One bulk enrichment: its items in input order and their progress. Mutated only by its own worker threads under
 * the job's lock; {@link #view()} takes a consistent snapshot.
 */
final class BulkJob {
    /** An item's state: invalid input, waiting, done (every playbook completed), or failed (some did not). */
    enum ItemState { INVALID, QUEUED, RUNNING, COMPLETED, FAILED }

    /** One playbook run of an item. */
    record RunView(String playbook, String state, String reportId, String failure, boolean fromCache) {}

    /** One input line. */
    record ItemView(int position, String input, Long indicatorId, String type, String value, ItemState state,
            String message, List<RunView> runs) {}

    /** The job as the API returns it. */
    record View(String id, String state, String createdBy, Instant createdAt, Instant finishedAt, int total,
            int invalid, int queued, int running, int completed, int failed, int fromCache, List<String> playbooks,
            List<ItemView> items) {}

    private final String id;
    private final String createdBy;
    private final Instant createdAt;
    private final List<String> playbooks;
    private final List<ItemView> items;
    private Instant finishedAt;

    BulkJob(String id, String createdBy, Instant createdAt, List<String> playbooks, List<ItemView> items) {
        this.id = id;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.playbooks = List.copyOf(playbooks);
        this.items = new ArrayList<>(items);
    }

    String id() {
        return id;
    }

    synchronized List<ItemView> items() {
        return List.copyOf(items);
    }

    synchronized void update(ItemView item) {
        items.set(item.position(), item);
        if (finishedAt == null && items.stream().noneMatch(BulkJob::open)) finishedAt = Instant.now();
    }

    synchronized void finishIfIdle(Instant now) {
        if (finishedAt == null && items.stream().noneMatch(BulkJob::open)) finishedAt = now;
    }

    private static boolean open(ItemView i) {
        return i.state() == ItemState.QUEUED || i.state() == ItemState.RUNNING;
    }

    synchronized View view() {
        int[] counts = new int[ItemState.values().length];
        int fromCache = 0;
        for (ItemView i : items) {
            counts[i.state().ordinal()]++;
            if (!i.runs().isEmpty() && i.runs().stream().allMatch(RunView::fromCache)) fromCache++;
        }
        String state = finishedAt != null ? "completed"
                : counts[ItemState.RUNNING.ordinal()] > 0 || counts[ItemState.COMPLETED.ordinal()] > 0
                        || counts[ItemState.FAILED.ordinal()] > 0 ? "running" : "queued";
        return new View(id, state, createdBy, createdAt, finishedAt, items.size(), counts[ItemState.INVALID.ordinal()],
                counts[ItemState.QUEUED.ordinal()], counts[ItemState.RUNNING.ordinal()],
                counts[ItemState.COMPLETED.ordinal()], counts[ItemState.FAILED.ordinal()], fromCache, playbooks,
                List.copyOf(items));
    }
}
