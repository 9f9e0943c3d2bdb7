package riposte.server.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.ApiTestBase;
import riposte.server.EmbeddedPostgresDatabase;

/**
 * Two transactions (two playbook steps, say) write an attribute whose name has no definition yet. The second one's
 * insert of the definition waits for the first's uncommitted row and then violates the unique name: on PostgreSQL that
 * aborts the whole transaction unless the insert ran behind a savepoint. Both must commit, with one definition.
 */
@Import(EmbeddedPostgresDatabase.class)
class PostgresAttributeDefinitionRaceTest extends ApiTestBase {
    @Autowired
    Indicators indicators;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoTransactionsCreatingTheSameNewAttributeNameBothCommit() throws Exception {
        long first = indicators.findOrCreate("test", unique("race-a") + ".example.com").indicator().id();
        long second = indicators.findOrCreate("test", unique("race-b") + ".example.com").indicator().id();
        String name = "Race " + UUID.randomUUID();
        var firstWrote = new CountDownLatch(1);
        var firstMayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                indicators.writeAttribute("test", first, name, "1", "race", Instant.now());
                firstWrote.countDown();
                await(firstMayCommit);
            }));
            assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> b = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                indicators.writeAttribute("test", second, name, "2", "race", Instant.now());
                // the transaction is still usable after the lost race
                indicators.writeAttribute("test", second, name + " after", "3", "race", Instant.now());
            }));
            awaitABackendWaitingForALock();
            firstMayCommit.countDown();
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from attribute_definitions where name = :n").param("n", name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(get("/api/v1/indicators/" + second + "/attributes").body().toString())
                .contains(name).contains(name + " after");
    }

    /** The second transaction's definition insert blocks on the first's uncommitted row with the same name. */
    private void awaitABackendWaitingForALock() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            long waiting = jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                    .query(Long.class).single();
            if (waiting > 0) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the second writer never waited for the first one's definition row");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
