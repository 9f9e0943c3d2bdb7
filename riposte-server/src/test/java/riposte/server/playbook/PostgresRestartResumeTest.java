package riposte.server.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Restart-resume on one embedded PostgreSQL shared by the two servers in turn; and two servers running at the same
 * time on it, each run executed once although both nodes' schedulers race for every run.
 */
class PostgresRestartResumeTest extends RestartResumeContract {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    @Test
    void twoServersOnOneDatabaseExecuteEachRunExactlyOnce() {
        var recorder = new RecordingPorts.Recorder();
        // safety-net 0s: every run's durable check is due at once, so both nodes' schedulers race the immediate advance
        try (var a = server(recorder, "--riposte.playbooks.safety-net=0s");
                var b = server(recorder, "--riposte.playbooks.safety-net=0s")) {
            int[] ports = {port(a), port(b)};
            List<String> runs = new ArrayList<>();
            List<Long> indicators = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int port = ports[i % 2];
                long indicator = send(port, "POST", "/api/v1/indicators",
                        Map.of("value", "two-nodes-" + i + "-" + System.nanoTime() + ".example.com")).get("id").asLong();
                indicators.add(indicator);
                runs.add(send(port, "POST", "/api/v1/playbooks/test-note/runs", Map.of("object",
                        Map.of("kind", "indicator", "id", String.valueOf(indicator)))).get("id").asString());
            }
            for (int i = 0; i < runs.size(); i++) {
                JsonNode run = await(ports[(i + 1) % 2], runs.get(i), r -> r.get("terminal").asBoolean());
                assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
                assertThat(run.get("steps")).hasSize(1);
            }
            PlaybookApiContract.sleep(1500); // let the schedulers look at every run once more
            for (long indicator : indicators) {
                assertThat(recorder.notesOn(String.valueOf(indicator))).as("notes on %s", indicator).hasSize(1);
            }
        }
    }
}
