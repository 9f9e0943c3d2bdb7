package riposte.simulator.sepm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTPS client for the simulator: trusts exactly its self-signed certificate. */
final class SepmTestClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A reply: status, body bytes and parsed JSON (null if the body is not JSON). */
    record Reply(int status, byte[] bytes, HttpResponse<byte[]> raw) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(bytes);
        }
    }

    private final SepmSimulator sim;
    private final HttpClient http;
    String token;

    SepmTestClient(SepmSimulator sim) {
        this.sim = sim;
        try {
            HttpClient.Builder builder = HttpClient.newBuilder();
            if (sim.certificatePem() != null) {
                var cert = CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(sim.certificatePem().getBytes(StandardCharsets.US_ASCII)));
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("sepm-sim", cert);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, tmf.getTrustManagers(), null);
                builder.sslContext(ssl);
            }
            this.http = builder.build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    SepmTestClient login() {
        Reply r = authenticate(sim.username(), sim.password());
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.text());
        }
        token = r.json().get("token").asString();
        return this;
    }

    Reply authenticate(String user, String password) {
        String body = JSON.createObjectNode().put("username", user).put("password", password).put("domain", "")
                .toString();
        return send("POST", "/sepm/api/v1/identity/authenticate", body, "application/json");
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, "application/json");
    }

    Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every item of a paged collection, walking pageIndex 1.. until lastPage. */
    List<JsonNode> all(String path, int pageSize) {
        List<JsonNode> out = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            JsonNode json = get(path + sep + "pageIndex=" + page + "&pageSize=" + pageSize).json();
            json.get("content").forEach(out::add);
            if (json.get("lastPage").asBoolean()) {
                return out;
            }
        }
    }
}
