package riposte.server.enrichment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.system.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk jobs and their items ({@code bulk_jobs}, {@code bulk_job_items}). Progress is counted from the items, so every
 * server on the database reports the same; an item in a final state is never written again, so a node that lost its
 * lease cannot undo what the node that took the job over recorded.
 */
@Repository
class BulkJobRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<BulkJob.RunView>> RUNS = new TypeReference<>() {};
    private static final String ITEM_COLUMNS = "line_no, input_text, indicator_id, indicator_type, indicator_value, "
            + "state, message, run_refs";
    private static final String OPEN = "('QUEUED', 'RUNNING')";
    private static final int INSERT_BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    BulkJobRepository(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.json = json;
    }

    /** Stores a new job and all its items in one transaction, leased to {@code owner} until {@code leaseUntil}. */
    void insert(BulkJob.Spec spec, List<BulkJob.ItemView> items, String owner, Instant leaseUntil) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    insert into bulk_jobs (id, created_by, created_at, playbooks, create_associated, lease_owner,
                        lease_until)
                    values (:id, :by, :at, :playbooks, :associated, :owner, :until)""")
                    .param("id", spec.id()).param("by", spec.createdBy()).param("at", Sql.ts(spec.createdAt()))
                    .param("playbooks", json.writeValueAsString(spec.playbooks()))
                    .param("associated", spec.createAssociated()).param("owner", owner)
                    .param("until", Sql.ts(leaseUntil)).update();
            List<Object[]> rows = new ArrayList<>(items.size());
            for (BulkJob.ItemView i : items) {
                rows.add(new Object[] {spec.id(), i.position(), i.input(), i.indicatorId(), i.type(), i.value(),
                        i.state().name(), message(i.message()), json.writeValueAsString(i.runs()), i.fromCache()});
            }
            for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
                batches.batchUpdate("insert into bulk_job_items (job_id, " + ITEM_COLUMNS + ", from_cache) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.subList(from, Math.min(rows.size(),
                        from + INSERT_BATCH)));
            }
        });
    }

    Optional<BulkJob.Spec> spec(String id) {
        return jdbc.sql("select id, created_by, created_at, playbooks, create_associated from bulk_jobs where id = :id")
                .param("id", id)
                .query((rs, n) -> new BulkJob.Spec(rs.getString("id"), rs.getString("created_by"),
                        Sql.instant(rs, "created_at"), json.readValue(rs.getString("playbooks"), STRINGS),
                        rs.getBoolean("create_associated")))
                .optional();
    }

    /** The job with its counts, and its items when {@code withItems}. */
    Optional<BulkJob.View> view(String id, boolean withItems) {
        Optional<BulkJob.Spec> spec = spec(id);
        if (spec.isEmpty()) return Optional.empty();
        Instant finishedAt = jdbc.sql("select finished_at from bulk_jobs where id = :id").param("id", id)
                .query((rs, n) -> Sql.instant(rs, "finished_at")).optional().orElse(null);
        int[] counts = new int[BulkJob.ItemState.values().length];
        int[] fromCache = {0};
        jdbc.sql("select state, count(*), sum(case when from_cache then 1 else 0 end) from bulk_job_items "
                        + "where job_id = :id group by state")
                .param("id", id)
                .query(rs -> {
                    counts[BulkJob.ItemState.valueOf(rs.getString(1)).ordinal()] += rs.getInt(2);
                    fromCache[0] += rs.getInt(3);
                });
        List<BulkJob.ItemView> items = withItems ? jdbc.sql("select " + ITEM_COLUMNS + " from bulk_job_items "
                + "where job_id = :id order by line_no").param("id", id).query(this::item).list() : null;
        int total = java.util.Arrays.stream(counts).sum();
        boolean started = counts[BulkJob.ItemState.RUNNING.ordinal()] + counts[BulkJob.ItemState.COMPLETED.ordinal()]
                + counts[BulkJob.ItemState.FAILED.ordinal()] > 0;
        String state = finishedAt != null ? "completed" : started ? "running" : "queued";
        BulkJob.Spec s = spec.get();
        return Optional.of(new BulkJob.View(s.id(), state, s.createdBy(), s.createdAt(), finishedAt, total,
                counts[BulkJob.ItemState.INVALID.ordinal()], counts[BulkJob.ItemState.QUEUED.ordinal()],
                counts[BulkJob.ItemState.RUNNING.ordinal()], counts[BulkJob.ItemState.COMPLETED.ordinal()],
                counts[BulkJob.ItemState.FAILED.ordinal()], counts[BulkJob.ItemState.SKIPPED.ordinal()], fromCache[0],
                s.playbooks(), items));
    }

    /** The items not yet in a final state, in input order. */
    List<BulkJob.ItemView> openItems(String jobId) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from bulk_job_items where job_id = :id and state in " + OPEN
                + " order by line_no").param("id", jobId).query(this::item).list();
    }

    /** Records an item's progress; false if it had already reached a final state (then nothing changes). */
    boolean save(String jobId, BulkJob.ItemView i) {
        return jdbc.sql("""
                update bulk_job_items set indicator_id = :indicator, indicator_type = :type, indicator_value = :value,
                    state = :state, message = :message, run_refs = :runs, from_cache = :cached
                where job_id = :job and line_no = :line and state in""" + " " + OPEN)
                .param("indicator", i.indicatorId()).param("type", i.type()).param("value", i.value())
                .param("state", i.state().name()).param("message", message(i.message()))
                .param("runs", json.writeValueAsString(i.runs())).param("cached", i.fromCache())
                .param("job", jobId).param("line", i.position()).update() == 1;
    }

    /** Marks the job finished if no item is open; true if this call did. The lease ends with it. */
    boolean finishIfIdle(String jobId, Instant now) {
        return jdbc.sql("update bulk_jobs set finished_at = :now, lease_owner = null, lease_until = null "
                        + "where id = :id and finished_at is null and not exists (select 1 from bulk_job_items "
                        + "where job_id = :id and state in " + OPEN + ")")
                .param("now", Sql.ts(now)).param("id", jobId).update() == 1;
    }

    /** Takes over unfinished jobs whose lease ran out (or was released); returns their ids, oldest first. */
    List<String> claimAbandoned(String owner, Instant now, Instant until) {
        List<String> candidates = jdbc.sql("select id from bulk_jobs where finished_at is null and (lease_until is null "
                + "or lease_until < :now) order by created_at").param("now", Sql.ts(now)).query(String.class).list();
        List<String> claimed = new ArrayList<>();
        for (String id : candidates) {
            int updated = jdbc.sql("update bulk_jobs set lease_owner = :owner, lease_until = :until where id = :id "
                            + "and finished_at is null and (lease_until is null or lease_until < :now)")
                    .param("owner", owner).param("until", Sql.ts(until)).param("id", id).param("now", Sql.ts(now))
                    .update();
            if (updated == 1) claimed.add(id);
        }
        return claimed;
    }

    /** Extends the leases {@code owner} holds on unfinished jobs. */
    void renew(String owner, Instant until) {
        jdbc.sql("update bulk_jobs set lease_until = :until where lease_owner = :owner and finished_at is null")
                .param("until", Sql.ts(until)).param("owner", owner).update();
    }

    /** Gives up {@code owner}'s leases at once (a stopping node), so that the next node need not wait them out. */
    void release(String owner) {
        jdbc.sql("update bulk_jobs set lease_owner = null, lease_until = null where lease_owner = :owner")
                .param("owner", owner).update();
    }

    /** Deletes finished jobs beyond the newest {@code keep}; returns how many. */
    int prune(int keep) {
        List<String> old = jdbc.sql("select id from bulk_jobs order by created_at desc, id limit 1000 offset :keep")
                .param("keep", keep).query(String.class).list();
        int deleted = 0;
        for (String id : old) {
            deleted += jdbc.sql("delete from bulk_jobs where id = :id and finished_at is not null").param("id", id)
                    .update();
        }
        return deleted;
    }

    private BulkJob.ItemView item(ResultSet rs, int n) throws SQLException {
        return new BulkJob.ItemView(rs.getInt("line_no"), rs.getString("input_text"),
                rs.getObject("indicator_id", Long.class), rs.getString("indicator_type"), rs.getString("indicator_value"),
                BulkJob.ItemState.valueOf(rs.getString("state")), rs.getString("message"),
                json.readValue(rs.getString("run_refs"), RUNS));
    }

    private static String message(String m) {
        return m == null || m.length() <= 1000 ? m : m.substring(0, 997) + "...";
    }
}
