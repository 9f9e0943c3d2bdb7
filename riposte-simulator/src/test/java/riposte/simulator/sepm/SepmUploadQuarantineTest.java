package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SepmUploadQuarantineTest {
    private SepmSimulator sim;
    private SepmTestClient client;
    private Computer target;

    @BeforeEach
    void start() {
        sim = SepmSimulator.builder().endpoints(100).seed(5).offlineFraction(0).frozenClock(true)
                .agentDelay(Duration.ofSeconds(5), Duration.ofSeconds(10)).build().start();
        client = new SepmTestClient(sim).login();
        int index = 0;
        while (!sim.model().fleet.computer(index).os().family().equals("WINDOWS")) {
            index++;
        }
        target = sim.model().fleet.computer(index);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode firstRow(String commandId) {
        return client.get("/sepm/api/v1/command-queue/" + commandId).json().get("content").get(0);
    }

    @Test
    void uploadProducesAFileWhoseZipXorContentDecodesToTheOriginalBytes() throws IOException {
        InventoryFile file = sim.model().filesNow(target.index()).stream()
                .filter(f -> f.path().contains("Downloads")).findFirst().orElseThrow();
        String query = "computer_ids=" + target.uniqueId() + "&file_path="
                + URLEncoder.encode(file.path(), StandardCharsets.UTF_8) + "&sha256=" + file.sha256();

        var submitted = client.post("/sepm/api/v1/command-queue/files?" + query, null);
        assertThat(submitted.status()).isEqualTo(200);
        String id = submitted.json().get("commandID").asString();
        sim.advance(Duration.ofSeconds(2));
        assertThat(firstRow(id).get("binaryFileId").isNull()).isTrue();
        sim.advance(Duration.ofSeconds(10));

        JsonNode row = firstRow(id);
        assertThat(row.get("stateId").asInt()).isEqualTo(3);
        String fileId = row.get("binaryFileId").asString();
        assertThat(fileId).matches("[0-9A-F]{32}");
        byte[] original = sim.model().inventory.content(file);
        JsonNode details = client.get("/sepm/api/v1/command-queue/file/" + fileId + "/details").json();
        assertThat(details.get("id").asString()).isEqualTo(fileId);
        assertThat(details.get("fileSize").asInt()).isEqualTo(original.length);
        assertThat(details.get("checksum").asString()).matches("[0-9A-F]{32}");

        var content = client.get("/sepm/api/v1/command-queue/file/" + fileId + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.raw().headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        Map<String, byte[]> entries = unzip(content.bytes());
        assertThat(entries).containsOnlyKeys(file.sha256(), "metadata.xml");
        Matcher key = Pattern.compile("<File [^>]*Key=\"(\\d+)\"").matcher(new String(entries.get("metadata.xml"),
                StandardCharsets.UTF_8));
        assertThat(key.find()).isTrue();
        byte[] xored = entries.get(file.sha256());
        byte[] decoded = new byte[xored.length];
        for (int i = 0; i < xored.length; i++) {
            decoded[i] = (byte) (xored[i] ^ Integer.parseInt(key.group(1)));
        }
        assertThat(decoded).isEqualTo(original);
        assertThat(xored).isNotEqualTo(original);
    }

    @Test
    void uploadOfAMissingOrNonExecutableFileEndsInError() {
        String missing = client.post("/sepm/api/v1/command-queue/files?computer_ids=" + target.uniqueId()
                + "&file_path=C:%5Cnope.exe", null).json().get("commandID").asString();
        String text = client.post("/sepm/api/v1/command-queue/files?computer_ids=" + target.uniqueId()
                + "&file_path=C:%5Cnotes.txt", null).json().get("commandID").asString();
        sim.advance(Duration.ofSeconds(15));
        assertThat(firstRow(missing).get("stateId").asInt()).isEqualTo(6);
        assertThat(firstRow(text).get("subStateDesc").asString()).isEqualTo("Unsupported file type");
        assertThat(client.get("/sepm/api/v1/command-queue/file/0123456789ABCDEF0123456789ABCDEF/content").status())
                .isEqualTo(410);
        assertThat(client.post("/sepm/api/v1/command-queue/files?computer_ids=" + target.uniqueId(), null).status())
                .isEqualTo(400);
    }

    @Test
    void quarantineAndUndoChangeTheComputerOnceTheCommandCompletes() {
        String path = "/sepm/api/v1/computers?computer_id=" + target.uniqueId();
        assertThat(client.get(path).json().get("content").get(0).get("quarantineStatus").asInt()).isZero();

        var q = client.post("/sepm/api/v1/command-queue/quarantine?computer_ids=" + target.uniqueId(), null);
        assertThat(q.json().get("commandID_computer").asString()).matches("[0-9A-F]{32}");
        assertThat(client.get(path).json().get("content").get(0).get("quarantineStatus").asInt()).isZero();
        sim.advance(Duration.ofSeconds(11));
        JsonNode quarantined = client.get(path).json().get("content").get(0);
        assertThat(quarantined.get("quarantineStatus").asInt()).isEqualTo(1);
        assertThat(quarantined.get("quarantineDesc").asString()).doesNotContainIgnoringCase("host integrity check passed");
        assertThat(firstRow(q.json().get("commandID_computer").asString()).get("stateId").asInt()).isEqualTo(3);

        client.post("/sepm/api/v1/command-queue/quarantine?hardware_ids=" + target.hardwareKey() + "&undo=true", null);
        sim.advance(Duration.ofSeconds(11));
        assertThat(client.get(path).json().get("content").get(0).get("quarantineStatus").asInt()).isZero();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
