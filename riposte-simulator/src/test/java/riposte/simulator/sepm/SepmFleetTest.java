package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.ses.SesPopulation;

class SepmFleetTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private static SepmModel model(long seed, int endpoints) {
        return new SepmModel(new SimClock(START, true), seed, endpoints, 0.1,
                List.of("aa".repeat(32), "bb".repeat(32)), 0.05, 5_000, 60_000);
    }

    private static String fleetJson(SepmModel m) {
        JsonWriter w = new JsonWriter().beginArray();
        for (int i = 0; i < m.fleet.size(); i++) {
            Computer c = m.fleet.computer(i);
            ComputerJson.write(w, c, m.groupOf(c), false, false, m.clock.millis());
            m.filesNow(i).forEach(f -> w.value(f.path() + "=" + f.sha256()));
        }
        return w.endArray().toString();
    }

    @Test
    void sameSeedSameFleetOtherSeedOtherFleet() {
        assertThat(fleetJson(model(42, 300))).isEqualTo(fleetJson(model(42, 300)));
        assertThat(fleetJson(model(42, 300))).isNotEqualTo(fleetJson(model(43, 300)));
    }

    @Test
    void sameSeedServesByteIdenticalPages() {
        String[] pages = new String[2];
        for (int i = 0; i < 2; i++) {
            try (SepmSimulator sim = SepmSimulator.builder().seed(9).endpoints(120).startTime(START).frozenClock(true)
                    .https(false).build().start()) {
                SepmTestClient client = new SepmTestClient(sim).login();
                pages[i] = client.get("/sepm/api/v1/computers?pageSize=50&pageIndex=2").text()
                        + client.get("/sepm/api/v1/groups").text();
            }
        }
        assertThat(pages[0]).isEqualTo(pages[1]).contains("\"number\":1");
    }

    @Test
    void plantedMaliciousFilesAreTheSesSimulatorsMaliciousFiles() {
        try (SepmSimulator sim = SepmSimulator.builder().seed(42).https(false).build()) {
            SesPopulation ses = new SesPopulation(42);
            assertThat(sim.maliciousSha256s()).hasSize(SepmSimulator.MALICIOUS_POOL).allMatch(ses::isMaliciousFile);
            assertThat(sim.computersHolding(sim.maliciousSha256s().getFirst())).isNotEmpty();
        }
    }

    @Test
    void idsAreUpperHexGuidsThatMapBackToTheirIndex() {
        Ids ids = new Ids(42);
        for (int i : new int[] {0, 1, 49_999, 123_456}) {
            String id = ids.id(Ids.COMPUTER, i);
            assertThat(id).matches("[0-9A-F]{32}");
            assertThat(ids.index(Ids.COMPUTER, id)).hasValue(i);
            assertThat(ids.index(Ids.HARDWARE_KEY, id)).isEmpty();
            assertThat(new Ids(43).index(Ids.COMPUTER, id)).isEmpty();
        }
        assertThat(ids.index(Ids.COMPUTER, "not-an-id")).isEmpty();
    }

    @Test
    void fleetHasUniqueIdsNamesAndAddresses() {
        SepmModel m = model(1, 5_000);
        List<Computer> all = IntStream.range(0, 5_000).mapToObj(m.fleet::computer).toList();
        assertThat(all).extracting(Computer::uniqueId).doesNotHaveDuplicates();
        assertThat(all).extracting(Computer::ip).doesNotHaveDuplicates();
        assertThat(all).extracting(Computer::computerName).doesNotHaveDuplicates();
        assertThat(all).extracting(c -> c.os().family()).contains("WINDOWS", "LINUX", "MAC");
        long offline = all.stream().filter(c -> !c.online()).count();
        assertThat(offline).isBetween(400L, 600L);
        assertThat(m.computersHolding("aa".repeat(32))).isNotEmpty();
    }

    @Test
    void fiftyThousandEndpointsFitInAModestHeapAndAnswerAHugeScanPageByPage() throws XMLStreamException {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        SepmModel m = model(42, 50_000);
        int[] everyone = IntStream.range(0, 50_000).toArray();
        m.groupCounts();
        // A catalog file (notepad.exe on Windows 10) sits on most machines: tens of thousands of matches.
        InventoryFile notepad = m.inventory.baseFiles(m.fleet.computer(IntStream.range(0, 100)
                .filter(i -> m.fleet.computer(i).os().code().equals("Win10")).findFirst().orElseThrow())).getFirst();
        Command scan = m.queue.submit(CommandKind.EOC_SCAN, everyone, m.now(),
                EocRequest.parse(SepmCommandTest.scanXml(notepad.sha256(), false)), null);
        m.clock.advance(Duration.ofMinutes(2));

        String page = CommandStatusPage.write(m, scan, new Paging(1_234, 20, true, "Begintime"));
        String last = CommandStatusPage.write(m, scan, new Paging(2_500, 20, true, "Begintime"));
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - before;

        assertThat(page).contains("\"totalElements\":50000").contains("\"number\":1233").contains("HASH_MATCH");
        assertThat(last).contains("\"lastPage\":true");
        assertThat(retained).as("retained heap bytes").isLessThan(48L * 1024 * 1024);
        assertThat(m).isNotNull(); // keep the model reachable until the measurement
    }
}
