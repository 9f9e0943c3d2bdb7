package riposte.server.datatable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.ApiTestBase;
import riposte.server.playbook.StatementCounter;
import riposte.server.system.Sql;

/**
 * Numbered pages in id order read from cached page boundaries ({@link PageBoundaries}) are the pages the offset query
 * gives, whatever happened to the table between two reads: inserts, deletes, rows committed out of id order, writes
 * through another server with its own cache, a table emptied and refilled. "Another server" is a second
 * {@link RowRepository} with its own {@link PageBoundaries} on the same database, reached through a data source that
 * counts the statements it prepares (so the tests also show what a page costs). The expected page is always the
 * table's ids read in order by a plain query, cut in Java.
 */
abstract class NumberedPagesContract extends ApiTestBase {
    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");
    @Autowired
    RowRepository rows;
    @Autowired
    DefinitionService definitions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private final StatementCounter counter = new StatementCounter();
    private RowRepository other;
    private TransactionTemplate otherTx;
    private DefinitionView table;
    private long incident;

    @BeforeEach
    void otherServerAndIncident() {
        DataSource counted = counter.wrap(dataSource);
        otherTx = new TransactionTemplate(new DataSourceTransactionManager(counted));
        other = new RowRepository(JdbcClient.create(counted), json, otherTx, new PageBoundaries());
        table = definitions.get("sep_endpoint_details");
        incident = post("/api/v1/incidents", Map.of("name", unique("pages"))).get("id").asLong();
    }

    @Test
    void numberedPagesAreTheOffsetPagesAcrossInsertsDeletesAndARefill() {
        insert(rows, tx, 333);
        assertEveryPage(rows);
        assertEveryPage(rows); // now from boundaries

        List<Long> ids = ids();
        for (int i = 0; i < ids.size(); i += 17) delete(rows, tx, ids.get(i));
        insert(rows, tx, 20);
        assertEveryPage(rows);
        assertEveryPage(rows);

        for (long id : ids()) delete(rows, tx, id);
        assertPage(rows, 50, 0);
        assertPage(rows, 50, 3);
        assertThat(rows.page(query(), 50, 150).total()).as("an empty page does not know the total").isEqualTo(-1);
        insert(rows, tx, 130);
        assertEveryPage(rows);
        assertEveryPage(rows);
    }

    @Test
    void theCommonCaseIsOneStatementAndAWriteBurstDoesNotRebuildTheBoundaries() {
        insert(rows, tx, 500);
        assertPage(other, 50, 3); // builds the boundaries of the other server

        var reads = new int[][] {{50, 1}, {50, 9}, {7, 8}, {7, 70}, {64, 5}, {120, 2}, {1, 499}, {50, 100}, {30, 2}};
        Map<String, Long> counts = counted(() -> {
            for (int[] read : reads) assertPage(other, read[0], read[1]);
        });
        assertThat(total(counts)).as("one statement per page: %s", counts).isEqualTo(reads.length);

        insert(rows, tx, 1);
        counts = counted(() -> assertPage(other, 50, 4));
        assertThat(total(counts)).as("a changed table: the boundary read, then the offset query: %s", counts)
                .isEqualTo(2);
        for (int i = 0; i < 4; i++) {
            insert(rows, tx, 1);
            counts = counted(() -> assertPage(other, 50, 4));
            assertThat(total(counts)).as("boundaries known out of date: the offset query alone: %s", counts)
                    .isEqualTo(1);
            assertThat(counts.keySet()).noneMatch(this::isBuild);
        }
        counts = counted(() -> assertPage(other, 50, 4));
        assertThat(counts.keySet()).as("still since the last read: built again").anyMatch(this::isBuild);
        counts = counted(() -> assertPage(other, 50, 4));
        assertThat(total(counts)).as("one statement again: %s", counts).isEqualTo(1);
    }

    @Test
    void pageZeroFilteredSortedAndKeysetPagesDoNotUseBoundaries() {
        insert(rows, tx, 120);
        Map<String, Long> counts = counted(() -> {
            assertPage(other, 50, 0);
            assertPage(other, 70, 0);
            var filtered = RowQuery.of(table, incident, List.of("computer_name:contains:pc"), null);
            assertThat(ids(other.page(filtered, 50, 50).items())).isEqualTo(ids(rows.find(filtered, 50, 50)));
            var sorted = RowQuery.of(table, incident, null, "-computer_name");
            assertThat(ids(other.page(sorted, 50, 50).items())).isEqualTo(ids(rows.find(sorted, 50, 50)));
            long after = ids().get(10);
            var keyset = RowQuery.of(table, incident, null, null, after);
            assertThat(ids(other.page(keyset, 50, 0).items())).isEqualTo(ids().subList(11, 61));
        });
        assertThat(counts.keySet()).as("%s", counts).noneMatch(this::isBuild);
    }

    @Test
    void anotherServersWritesAreSeenAtOnce() {
        insert(rows, tx, 260);
        assertEveryPage(rows);
        assertEveryPage(other);

        insert(other, otherTx, 3);
        delete(other, otherTx, ids().get(120));
        assertEveryPage(rows);
        assertEveryPage(other);

        delete(rows, tx, ids().get(0));
        insert(rows, tx, 2);
        assertEveryPage(other);
        assertEveryPage(rows);
    }

    /**
     * A row that took its id before another row but commits after it: the boundaries built in between (without it)
     * must not place pages once it is there.
     */
    @Test
    void rowsCommittedOutOfIdOrder() throws Exception {
        insert(rows, tx, 200);
        var inserted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var late = Thread.ofPlatform().start(() -> tx.executeWithoutResult(status -> {
            // what RowRepository.insert does, stopped between the row and its count
            jdbc.sql("""
                    insert into data_table_rows (definition_id, incident_id, cells_json, created_at, updated_at, version)
                    values (:table, :incident, '{"computer_name":"late"}', :at, :at, 0)""")
                    .param("table", table.id()).param("incident", incident).param("at", Sql.ts(AT))
                    .update();
            inserted.countDown();
            await(commit);
            jdbc.sql("""
                    update data_table_row_counts set row_count = row_count + 1, changes = changes + 1
                    where incident_id = :incident and definition_id = :table""")
                    .param("incident", incident).param("table", table.id()).update();
        }));
        try {
            await(inserted);
            insert(rows, tx, 1); // a later id, committed first
            assertEveryPage(rows);
            assertEveryPage(other);
        } finally {
            commit.countDown();
            late.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<Long> ids = ids();
        assertThat(ids).hasSize(202);
        long lateId = jdbc.sql("select id from data_table_rows where incident_id = :incident and cells_json like '%late%'")
                .param("incident", incident).query(Long.class).single();
        assertThat(lateId).as("took its id before the row committed first").isLessThan(ids.getLast());
        assertEveryPage(rows);
        assertEveryPage(other);
    }

    /** Random inserts, deletes and page reads through both servers, against the rows read in order (fixed seed). */
    @Test
    void aRandomSequenceOfWritesAndReadsAgreesWithTheOffsetPages() {
        var random = new Random(20261204L);
        insert(rows, tx, 150);
        for (int step = 0; step < 250; step++) {
            boolean here = random.nextBoolean();
            RowRepository server = here ? rows : other;
            int what = random.nextInt(10);
            if (what < 2) {
                insert(server, here ? tx : otherTx, 1 + random.nextInt(30));
            } else if (what < 4) {
                List<Long> ids = ids();
                for (int i = random.nextInt(6); i > 0 && !ids.isEmpty(); i--) {
                    delete(server, here ? tx : otherTx, ids.remove(random.nextInt(ids.size())));
                }
            } else {
                int size = 1 + random.nextInt(120);
                int pages = ids().size() / size + 2;
                for (int i = 0; i < 3; i++) assertPage(server, size, random.nextInt(pages));
            }
        }
    }

    @Test
    void overHttpADeepNumberedPageIsTheKeysetPageFromTheSameRow() {
        insert(rows, tx, 180);
        String base = "/api/v1/incidents/" + incident + "/data-tables/" + table.name() + "/rows?size=50";
        long before = ids().get(99);
        for (int i = 0; i < 2; i++) { // the first read builds the boundaries, the second reads from them
            var numbered = get(base + "&page=2");
            var keyset = get(base + "&after=" + before);
            assertThat(numbered.status()).as("%s", numbered.body()).isEqualTo(200);
            assertThat(numbered.get("items").toString()).isEqualTo(keyset.get("items").toString());
            assertThat(numbered.get("items").get(0).get("id").asLong()).isEqualTo(ids().get(100));
            assertThat(numbered.get("totalItems").asLong()).isEqualTo(180);
        }
    }

    private boolean isBuild(String statement) {
        return statement.startsWith("select c.changes, b.id");
    }

    private Map<String, Long> counted(Runnable reads) {
        counter.start();
        Map<String, Long> counts = Map.of();
        try {
            reads.run();
        } finally {
            counts = counter.stop();
        }
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private void assertEveryPage(RowRepository server) {
        int rowCount = ids().size();
        for (int size : new int[] {1, 7, 50, 64, 120}) {
            for (int page = 0; page <= rowCount / size + 1; page++) {
                if (size == 1 && page % 13 != 0 && page <= rowCount) continue; // every 13th row is enough
                assertPage(server, size, page);
            }
        }
    }

    private void assertPage(RowRepository server, int size, int page) {
        List<Long> all = ids();
        long offset = (long) page * size;
        List<Long> expected = all.subList((int) Math.min(offset, all.size()), (int) Math.min(offset + size, all.size()));
        RowRepository.Page got = server.page(query(), size, offset);
        assertThat(ids(got.items())).as("size %d, page %d of %d rows", size, page, all.size()).isEqualTo(expected);
        if (!expected.isEmpty()) assertThat(got.total()).as("total, size %d, page %d", size, page).isEqualTo(all.size());
        got.items().forEach(r -> assertThat(r.incidentId()).isEqualTo(incident));
    }

    private RowQuery query() {
        return RowQuery.of(table, incident, null, null);
    }

    private static List<Long> ids(List<RowView> items) {
        return items.stream().map(RowView::id).toList();
    }

    /** The table's rows in id order: what every numbered page is cut from. */
    private List<Long> ids() {
        return new ArrayList<>(jdbc.sql("""
                select id from data_table_rows where incident_id = :incident and definition_id = :table order by id""")
                .param("incident", incident).param("table", table.id()).query(Long.class).list());
    }

    private void insert(RowRepository server, TransactionTemplate transactions, int n) {
        for (int i = 0; i < n; i++) {
            transactions.executeWithoutResult(status -> server.insert(table.id(), incident,
                    Map.of("computer_name", "pc-" + System.nanoTime()), AT));
        }
    }

    private void delete(RowRepository server, TransactionTemplate transactions, long id) {
        transactions.executeWithoutResult(status -> server.delete(server.get(table.id(), incident, id).orElseThrow()));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other transaction's step").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
