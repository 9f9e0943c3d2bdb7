package riposte.server.enrichment;

import java.time.Instant;
import java.util.List;

/**
 * The values of a bulk enrichment as the API returns them and {@link BulkJobRepository} stores them: the job, its
 * items in input order, and each item's playbook runs.
 */
final class BulkJob {
    private BulkJob() {}

    /**
     * An item's state: invalid input, waiting, done (every playbook completed), failed (some did not), or skipped
     * (allow-listed: neither created nor enriched; the message says by which entry and why).
     */
    enum ItemState {
        INVALID, QUEUED, RUNNING, COMPLETED, FAILED, SKIPPED;

        boolean open() {
            return this == QUEUED || this == RUNNING;
        }
    }

    /**
     * One playbook run of an item: {@code runId} is the durable run ({@code GET /api/v1/runs/{runId}}); {@code state}
     * is "running" until it ended, then its final state in lower case.
     */
    record RunView(String playbook, String runId, String state, String reportId, String failure, boolean fromCache) {
        static final String RUNNING = "running";

        boolean ended() {
            return !RUNNING.equals(state);
        }
    }

    /** One input line. */
    record ItemView(int position, String input, Long indicatorId, String type, String value, ItemState state,
            String message, List<RunView> runs) {

        ItemView with(ItemState newState, String newMessage, List<RunView> newRuns) {
            return new ItemView(position, input, indicatorId, type, value, newState, newMessage, List.copyOf(newRuns));
        }

        /** Every Threat Intel answer of every run came from the cache (nothing was looked up). */
        boolean fromCache() {
            return !runs.isEmpty() && runs.stream().allMatch(RunView::fromCache);
        }
    }

    /** What a job was asked to do; stored once, when it is accepted. */
    record Spec(String id, String createdBy, Instant createdAt, List<String> playbooks, boolean createAssociated) {}

    /** The job as the API returns it; {@code items} is null when they were not asked for. */
    record View(String id, String state, String createdBy, Instant createdAt, Instant finishedAt, int total,
            int invalid, int queued, int running, int completed, int failed, int skipped, int fromCache,
            List<String> playbooks,
            List<ItemView> items) {}
}
