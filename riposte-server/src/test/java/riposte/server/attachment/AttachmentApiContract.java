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
        problem(get("/api/v1/incidents/" + a + "/attachments/" + first.get("id").asLong()), 404);
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
}
