package riposte.server.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Bulk jobs across a restart on one embedded PostgreSQL; and two servers running at the same time on it: the job
 * started on one is followed, with the same progress, on the other.
 */
class PostgresBulkRestartTest extends BulkRestartContract {
    @RegisterExtension
    static final SingleInstancePostgresExtension POSTGRES = EmbeddedPostgresExtension.singleInstance();

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + POSTGRES.getEmbeddedPostgres().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    @Test
    void theOtherServerOfTwoReportsTheSameJob() {
        List<String> files = files(FILES);
        // both run the job's runs (the durable engine shares them out), so each gets half the simulator's limit
        try (var a = server(2); var b = server(2)) {
            int onA = port(a);
            int onB = port(b);
            // The attribute definitions exist before the job (a one-indicator job on A creates them): two nodes
            // creating the same definition at once make a run's step fail on PostgreSQL (Indicators.writeAttribute
            // retries a duplicate key inside the step's aborted transaction; outside bulk enrichment, reported).
            String warmUp = send(onA, "POST", "/api/v1/enrichment/bulk", Map.of("indicators",
                    List.of(files(2 * FILES).getFirst()), "playbooks", List.of("ses-file-insight"))).get("id").asString();
            await(onA, warmUp, j -> j.get("state").asString().equals("completed"));
            String id = send(onA, "POST", "/api/v1/enrichment/bulk",
                    Map.of("indicators", files, "playbooks", List.of("ses-file-insight"))).get("id").asString();
            JsonNode seenOnB = await(onB, id, j -> j.get("completed").asInt() >= 1);
            assertThat(seenOnB.get("total").asInt()).as("%s", seenOnB).isEqualTo(FILES);

            await(onB, id, j -> j.get("state").asString().equals("completed"));
            JsonNode fromA = send(onA, "GET", "/api/v1/enrichment/bulk/" + id, null);
            JsonNode fromB = send(onB, "GET", "/api/v1/enrichment/bulk/" + id, null);
            assertThat(fromB).isEqualTo(fromA);
            assertThat(fromB.get("completed").asInt()).as("%s", fromB).isEqualTo(FILES);
        }
    }
}
