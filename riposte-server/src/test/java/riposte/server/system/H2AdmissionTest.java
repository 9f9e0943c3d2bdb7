package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import riposte.server.ApiTestBase;

/**
 * Admission control over HTTP: with one turn and that turn taken by a request stuck waiting for the database, the
 * next request is answered {@code 503} with {@code Retry-After} after the admission timeout — before the pool's own
 * timeout — while a download is not held back by the limit; all are served again once the database is free.
 */
@TestPropertySource(properties = {"RIPOSTE_MAX_CONCURRENT_REQUESTS=1", "RIPOSTE_ADMISSION_TIMEOUT=500ms",
        "RIPOSTE_DB_POOL_SIZE=2", "RIPOSTE_DB_POOL_TIMEOUT_MS=20000", "RIPOSTE_TOKEN_CACHE_TTL=1h"})
class H2AdmissionTest extends ApiTestBase {
    @Autowired
    DataSource dataSource;

    @Test
    void aRequestBeyondTheLimitWaitsItsTurnAndIsTurnedAwayAfterTheAdmissionTimeout() throws Exception {
        assertThat(get("/api/v1/incidents").status()).as("the admin token is now cached").isEqualTo(200);
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        CompletableFuture<Reply> holder;
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            holder = CompletableFuture.supplyAsync(() -> get("/api/v1/incidents"));
            for (int i = 0; i < 1000 && pool.getThreadsAwaitingConnection() < 1; i++) Thread.sleep(10);
            assertThat(pool.getThreadsAwaitingConnection()).as("the first request holds the turn, waiting").isEqualTo(1);

            Reply late = get("/api/v1/incidents?size=1");
            assertThat(late.status()).isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(late.contentType()).startsWith("application/problem+json");
            assertThat(late.body().get("type").asString()).isEqualTo("urn:riposte:problem:overloaded");
            assertThat(late.body().get("detail").asString()).contains("busy with other requests");

            CompletableFuture<Reply> download = CompletableFuture.supplyAsync(
                    () -> get("/api/v1/incidents/999999/attachments/1/content"));
            for (int i = 0; i < 1000 && pool.getThreadsAwaitingConnection() < 2; i++) Thread.sleep(10);
            assertThat(pool.getThreadsAwaitingConnection()).as("the download got past the limit to the pool")
                    .isEqualTo(2);
            assertThat(holder).isNotDone();
            first.close();
            assertThat(holder.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(download.get(30, TimeUnit.SECONDS).status()).isEqualTo(404);
        }
        assertThat(get("/api/v1/incidents").status()).as("served again").isEqualTo(200);
    }
}
