package riposte.cli.sep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.config.ConfigurationException;
import riposte.cli.config.Setting;
import riposte.cli.config.Settings;
import riposte.simulator.sepm.SepmSimulator;
import riposte.symantec.http.ProxySettings;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.SepmClientBuilder;

/**
 * A {@link SepmClient} built from the {@code sepm.*} settings, or around an in-process {@link SepmSimulator} for
 * {@code --sim}. It also owns the notion of time used while waiting for commands: real time against a real SEPM,
 * the simulator's frozen clock with {@code --sim}, which {@link #pause} advances instead of sleeping, so a
 * {@code --sim --wait} run completes in real seconds. Closing it logs out (and stops the simulator).
 */
final class SepConnection implements AutoCloseable {
    private final SepmClient client;
    private final SepmSimulator simulator;
    private final Path pem;

    private SepConnection(SepmClient client, SepmSimulator simulator, Path pem) {
        this.client = client;
        this.simulator = simulator;
        this.pem = pem;
    }

    static SepConnection open(SepConnectionOptions options) {
        Settings settings = Settings.load(options.config);
        if (options.sim) {
            if (options.insecure) {
                throw new CliException(ExitCodes.USAGE, "--insecure does not go with --sim: the simulator's certificate is trusted explicitly");
            }
            return simulated(settings);
        }
        return configured(settings, options.insecure);
    }

    SepmClient client() {
        return client;
    }

    boolean simulated() {
        return simulator != null;
    }

    /** Now: the simulator's clock with {@code --sim}, else the system clock. */
    Instant now() {
        return simulator != null ? simulator.clock() : Instant.now();
    }

    /** Waits: advances the simulator's clock with {@code --sim} (no real waiting), else sleeps. */
    void pause(Duration d) throws InterruptedException {
        if (simulator != null) simulator.advance(d);
        else Thread.sleep(d.toMillis());
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (simulator != null) simulator.close();
            if (pem != null) {
                try {
                    Files.deleteIfExists(pem);
                } catch (IOException ignored) {
                    // a temp file; deleteOnExit is the fallback
                }
            }
        }
    }

    private static SepConnection simulated(Settings settings) {
        SepmSimulator sim = SepmSimulator.builder().port(0).frozenClock(true).build().start();
        try {
            Path pem = Files.createTempFile("sepm-sim-", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, sim.certificatePem());
            SepmClient client = tuned(SepmClient.builder(), settings).baseUrl(sim.baseUrl())
                    .credentials(sim.username(), sim.password(), "").trustedCertificates(pem).build();
            return new SepConnection(client, sim, pem);
        } catch (IOException e) {
            sim.close();
            throw new UncheckedIOException("cannot write the simulator's certificate to a temporary file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    private static SepConnection configured(Settings settings, boolean insecureFlag) {
        String url = settings.get(Setting.SEPM_URL).orElse(null);
        String user = settings.get(Setting.SEPM_USERNAME).orElse(null);
        String password = settings.get(Setting.SEPM_PASSWORD).orElse(null);
        if (url == null || user == null || password == null) {
            throw new CliException(ExitCodes.AUTHENTICATION, "no SEPM server configured: set "
                    + Setting.SEPM_URL.environmentVariable() + " (e.g. https://sepm:8446), "
                    + Setting.SEPM_USERNAME.environmentVariable() + " and " + Setting.SEPM_PASSWORD.environmentVariable()
                    + " (or sepm.url, sepm.username, sepm.password in riposte.yml), or use --sim to try the built-in simulator");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Setting.SEPM_URL.key() + " is '" + url + "': expected a URL such as https://sepm:8446");
        }
        boolean insecure = insecureFlag || settings.get(Setting.SEPM_INSECURE).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
        SepmClientBuilder b = tuned(SepmClient.builder(), settings).baseUrl(uri)
                .credentials(user, password, settings.get(Setting.SEPM_DOMAIN).orElse(""))
                .insecure(insecure); // the builder prints the warning on stderr every time
        if (!insecure) settings.get(Setting.SEPM_CA_CERT).ifPresent(p -> b.trustedCertificates(Path.of(p)));
        settings.get(Setting.SEPM_PROXY).ifPresent(p -> b.proxy(proxy(p)));
        return new SepConnection(b.build(), null, null);
    }

    private static SepmClientBuilder tuned(SepmClientBuilder b, Settings settings) {
        Duration connect = settings.duration(Setting.SEPM_CONNECT_TIMEOUT);
        Duration read = settings.duration(Setting.SEPM_READ_TIMEOUT);
        Integer attempts = settings.integer(Setting.SEPM_MAX_ATTEMPTS);
        if (connect != null) b.connectTimeout(connect);
        if (read != null) b.readTimeout(read);
        if (attempts != null) b.maxAttempts(attempts);
        return b;
    }

    private static ProxySettings proxy(String value) {
        try {
            return ProxySettings.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Setting.SEPM_PROXY.key() + ": " + e.getMessage());
        }
    }
}
