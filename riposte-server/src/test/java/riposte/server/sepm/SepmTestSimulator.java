package riposte.server.sepm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import riposte.simulator.sepm.SepmSimulator;
import riposte.symantec.sepm.SepmClient;

/**
 * A SEPM simulator for the server's tests, over HTTPS with its own self-signed certificate (written to a PEM file
 * the server trusts, as an operator would): endpoints answer commands within a fraction of a second, none is
 * offline, and a planted malicious file with real bytes lies on some Windows endpoints.
 */
final class SepmTestSimulator {
    /** The planted file's bytes: an executable-looking header and a marker. */
    static final byte[] PLANTED = ("MZ\u0090\u0000 riposte sepm test backdoor " + "x".repeat(300))
            .getBytes(StandardCharsets.ISO_8859_1);

    static final String PLANTED_SHA256 = sha256(PLANTED);

    private SepmTestSimulator() {}

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SepmSimulator start() {
        return SepmSimulator.builder().port(0).endpoints(120).offlineFraction(0).maliciousFraction(0.3)
                .agentDelay(Duration.ofMillis(50), Duration.ofMillis(300)).plantFile(PLANTED).build().start();
    }

    static Path pem(SepmSimulator sim) {
        try {
            Path file = Files.createTempFile("sepm-test-", ".pem");
            Files.writeString(file, sim.certificatePem());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client of the test's own, to look at the simulator as SEPM's console would. */
    static SepmClient client(SepmSimulator sim, Path pem) {
        return SepmClient.builder().baseUrl(sim.baseUrl()).credentials(sim.username(), sim.password(), "")
                .trustedCertificates(pem).build();
    }
}
