package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SepmLongQueryTest {

    @Test
    void scanOfEveryComputerInOneQueryStringIsAccepted() {
        try (SepmSimulator sim = SepmSimulator.builder().endpoints(50_000).frozenClock(true).build().start()) {
            SepmTestClient client = new SepmTestClient(sim).login();
            List<String> ids = IntStream.range(0, 50_000).mapToObj(i -> sim.model().fleet.computer(i).uniqueId()).toList();
            String query = "computer_ids=" + String.join(",", ids);
            assertThat(query.length()).isGreaterThan(1_500_000);

            var reply = client.post("/sepm/api/v1/command-queue/eoc?" + query, SepmCommandTest.scanXml("00".repeat(32), false));

            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            sim.advance(Duration.ofSeconds(2));
            String id = reply.json().get("commandID_computer").asString();
            assertThat(client.get("/sepm/api/v1/command-queue/" + id + "?pageSize=5").json().get("totalElements").asLong())
                    .isEqualTo(50_000);
        }
    }
}
