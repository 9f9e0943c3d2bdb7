package riposte.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import riposte.server.ApiTestBase;
import riposte.server.system.Sql;

/** Attachments over HTTP: upload, content-addressed storage, safe download, size limit, delete. */
abstract class AttachmentApiContract extends ApiTestBase {
    @Autowired
    BlobStore blobs;
    @Autowired
    AttachmentRepository attachments;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    riposte.server.system.ServerSettings settings;

    private long incident() {
        return post("/api/v1/incidents", Map.of("name", unique("attach"), "severity", "LOW")).get("id").asLong();
    }

    @Test
    void sameContentIsStoredOnceAndRemovedWithItsLastAttachment() {
        long a = incident();
        long b = incident();
        String text = "computer,sha256\nFIN-7," + unique("row") + "\n";
        var first = upload("/api/v1/incidents/" + a + "/attachments",
                new Upload("results.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        var second = upload("/api/v1/incidents/" + b + "/attachments",
                new Upload("C:\\Users\\x\\copy.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(second.get("fileName").asString()).isEqualTo("copy.csv");
        String sha = first.get("sha256").asString();
        assertThat(sha).isEqualTo(Sql.sha256(text)).isEqualTo(second.get("sha256").asString());
        assertThat(first.get("size").asLong()).isEqualTo(text.length());
        Path stored = blobs.path(sha);
        assertThat(stored).exists();
        try (var files = Files.list(stored.getParent())) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(sha)).count()).isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        var download = download("/api/v1/incidents/" + a + "/attachments/" + first.get("id").asLong() + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("results.csv");

        assertThat(get("/api/v1/incidents/" + a + "/attachments").get("totalItems").asLong()).isEqualTo(1);
        assertThat(delete("/api/v1/incidents/" + a + "/attachments/" + first.get("id").asLong()).status()).isEqualTo(204);
        assertThat(stored).as("still used by incident " + b).exists();
        assertThat(delete("/api/v1/incidents/" + b + "/attachments/" + second.get("id").asLong()).status()).isEqualTo(204);
        assertThat(stored).as("no longer referenced").doesNotExist();
        assertThat(problem(get("/api/v1/incidents/" + a + "/attachments/" + first.get("id").asLong()), 404)
                .get("detail").asString()).isEqualTo("attachment " + first.get("id").asLong() + " does not exist");
        assertThat(problem(get("/api/v1/incidents/999999999/attachments/" + second.get("id").asLong() + "/content"),
                404).get("detail").asString()).isEqualTo("incident 999999999 does not exist");
    }

    @Test
    void uploadedHtmlIsDownloadedNeverRendered() {
        long id = incident();
        String html = "<html><script>alert(1)</script>" + unique("x") + "</html>";
        var created = upload("/api/v1/incidents/" + id + "/attachments",
                new Upload("page.html", "text/html", html.getBytes(StandardCharsets.UTF_8)));
        var download = download("/api/v1/incidents/" + id + "/attachments/" + created.get("id").asLong() + "/content");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        var octet = upload("/api/v1/incidents/" + id + "/attachments",
                new Upload("sample.unknownext", "application/octet-stream", new byte[] {'M', 'Z', 0, 1, 2}));
        assertThat(octet.get("contentType").asString()).isEqualTo("application/octet-stream");
    }

    @Test
    void oversizeUploadsGet413AndBadOnes400() {
        long id = incident();
        byte[] big = new byte[1024 * 1024 + 10];
        var tooBig = upload("/api/v1/incidents/" + id + "/attachments", new Upload("big.bin", "application/octet-stream", big));
        assertThat(problem(tooBig, 413).get("detail").asString()).contains("RIPOSTE_MAX_UPLOAD_SIZE");
        assertThat(get("/api/v1/incidents/" + id + "/attachments").get("totalItems").asLong()).isZero();

        var noFile = post("/api/v1/incidents/" + id + "/attachments", Map.of("name", "x"));
        assertThat(problem(noFile, 400).get("errors").get(0).get("field").asString()).isEqualTo("file");
        problem(upload("/api/v1/incidents/999999999/attachments", new Upload("a.txt", "text/plain", new byte[] {1})), 404);
    }

    @Test
    void contentNothingRefersToIsSweptOnlyAfterTheGracePeriod() throws Exception {
        long kept = incident();
        long deleted = incident();
        String keptText = "kept," + unique("k") + "\n";
        String orphanText = "orphan," + unique("o") + "\n";
        assertThat(upload("/api/v1/incidents/" + kept + "/attachments",
                new Upload("kept.csv", "text/csv", keptText.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(201);
        assertThat(upload("/api/v1/incidents/" + deleted + "/attachments",
                new Upload("orphan.csv", "text/csv", orphanText.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(201);
        assertThat(delete("/api/v1/incidents/" + deleted).status()).isEqualTo(204);
        Path orphan = blobs.path(Sql.sha256(orphanText));
        Path keptFile = blobs.path(Sql.sha256(keptText));
        assertThat(orphan).as("deleting an incident leaves its contents to the sweep").exists();
        // A file without any record (a failed upload's), and a temporary file of an upload that died.
        String strayText = "stray," + unique("s");
        Path stray = blobs.path(Sql.sha256(strayText));
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, strayText);
        Path stale = Files.createDirectories(settings.blobDir().resolve("tmp")).resolve("upload-" + unique("t") + ".part");
        Files.writeString(stale, "half an upload");

        var now = sweeper(java.time.Clock.systemUTC()).sweep();
        assertThat(orphan).as("younger than the grace period").exists();
        assertThat(stray).exists();
        assertThat(stale).exists();

        var later = sweeper(java.time.Clock.offset(java.time.Clock.systemUTC(), settings.blobSweepGrace().plusMinutes(5)))
                .sweep();
        assertThat(orphan).doesNotExist();
        assertThat(attachments.blobExists(Sql.sha256(orphanText))).isFalse();
        assertThat(stray).doesNotExist();
        assertThat(stale).doesNotExist();
        assertThat(keptFile).as("still attached to incident " + kept).exists();
        assertThat(later.unreferenced()).isGreaterThanOrEqualTo(1);
        assertThat(later.withoutRecord()).isGreaterThanOrEqualTo(1);
        assertThat(later.temporary()).isGreaterThanOrEqualTo(1);
        assertThat(now.total()).isGreaterThanOrEqualTo(0);

        var download = download("/api/v1/incidents/" + kept + "/attachments/"
                + get("/api/v1/incidents/" + kept + "/attachments").get("items").get(0).get("id").asLong() + "/content");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(keptText);
    }

    private BlobSweeper sweeper(java.time.Clock clock) {
        return new BlobSweeper(attachments, blobs, tx, clock, settings);
    }
}
