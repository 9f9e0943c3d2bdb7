package riposte.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import riposte.simulator.sepm.SepmSimulator;
import riposte.simulator.ses.SesSimulator;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.ses.SesClient;
import riposte.symantec.ses.SesCredentials;

/**
 * The SES Threat Intel and SEPM simulators, in-process on loopback with the defaults of {@code --sim} (seed 42, 200
 * endpoints), so that what the demo data says agrees with {@code riposte intel … --sim} and {@code riposte sep … --sim}.
 * SEPM serves HTTPS with its generated certificate, written to {@value #SEPM_PEM} in the data directory and trusted
 * explicitly by {@link #sepmClient()}.
 */
final class DemoSimulators implements AutoCloseable {
    static final String SEPM_PEM = "sepm-simulator.pem";

    final SesSimulator ses;
    final SepmSimulator sepm;
    final Path sepmPem;

    private DemoSimulators(SesSimulator ses, SepmSimulator sepm, Path sepmPem) {
        this.ses = ses;
        this.sepm = sepm;
        this.sepmPem = sepmPem;
    }

    static DemoSimulators start(Path dataDir) throws IOException {
        SesSimulator ses = SesSimulator.builder().port(0).build().start();
        SepmSimulator sepm = null;
        try {
            sepm = SepmSimulator.builder().port(0).population(ses.population()).build().start();
            Path pem = dataDir.resolve(SEPM_PEM);
            Files.writeString(pem, sepm.certificatePem());
            return new DemoSimulators(ses, sepm, pem);
        } catch (IOException | RuntimeException e) {
            if (sepm != null) sepm.close();
            ses.close();
            throw e;
        }
    }

    SesClient sesClient() {
        return SesClient.builder().baseUrl(ses.baseUrl())
                .credentials(SesCredentials.ofClientIdAndSecret(ses.clientId(), ses.clientSecret())).build();
    }

    SepmClient sepmClient() {
        return SepmClient.builder().baseUrl(sepm.baseUrl()).credentials(sepm.username(), sepm.password(), "")
                .trustedCertificates(sepmPem).build();
    }

    @Override
    public void close() {
        try {
            sepm.close();
        } finally {
            ses.close();
        }
    }
}
