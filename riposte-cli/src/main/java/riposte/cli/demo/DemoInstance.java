package riposte.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.cli.server.ApiClient;
import riposte.server.RiposteServer;

/**
 * A running demo: the simulators, the server on an H2 file database in the data directory, bound to 127.0.0.1, and
 * the seeded data. {@link #start} returns once everything is up and seeded; {@link #close} stops the server
 * (gracefully) and then the simulators.
 */
final class DemoInstance implements AutoCloseable {
    final Path dataDir;
    final DemoLogin login;
    final DemoSimulators simulators;
    final ConfigurableApplicationContext server;
    final DemoStory story;
    final DemoSeeder.Result seeded;

    private DemoInstance(Path dataDir, DemoLogin login, DemoSimulators simulators, ConfigurableApplicationContext server,
            DemoStory story, DemoSeeder.Result seeded) {
        this.dataDir = dataDir;
        this.login = login;
        this.simulators = simulators;
        this.server = server;
        this.story = story;
        this.seeded = seeded;
    }

    /**
     * Starts the demo. {@code port} 0 picks a free port ({@link #port()} tells which); {@code extraSpringArgs} are
     * passed on to the server after the demo's own (tests quieten the log with them).
     */
    static DemoInstance start(Path dataDir, boolean reset, int port, String... extraSpringArgs) throws IOException {
        Path dir = DemoDirectory.prepare(dataDir, reset);
        DemoLogin login = DemoLogin.loadOrCreate(dir);
        DemoSimulators sims = DemoSimulators.start(dir);
        ConfigurableApplicationContext server = null;
        try {
            server = RiposteServer.start(springArgs(dir, port, login, sims, extraSpringArgs));
            DemoStory story = DemoStoryBuilder.build(sims);
            DemoSeeder.Result seeded;
            try (ApiClient api = ApiClient.connect(url(server), login.apiToken())) {
                seeded = new DemoSeeder(api).seed(story);
            }
            return new DemoInstance(dir, login, sims, server, story, seeded);
        } catch (RuntimeException e) {
            if (server != null) server.close();
            sims.close();
            throw e;
        }
    }

    /** Where the demo's server writes its full log. */
    static Path logFile(Path dir) {
        return dir.resolve("logs").resolve("riposte.log");
    }

    static String[] springArgs(Path dir, int port, DemoLogin login, DemoSimulators sims, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                // The banner is what a newcomer must see: framework logs at WARN on the console, all of them in a
                // file under the data directory (the banner prints its path).
                "--logging.threshold.console=WARN",
                "--logging.file.name=" + logFile(dir),
                "--spring.profiles.include=logfile",
                // Warnings that say nothing to someone trying Riposte (H2 newer than Flyway verified, the
                // out-of-order migration mode, springdoc's "enabled by default", db-scheduler's time zone hint).
                "--logging.level.org.flywaydb.core.internal=ERROR",
                "--logging.level.org.springdoc=ERROR",
                "--logging.level.com.github.kagkarlsson.scheduler.jdbc=ERROR",
                "--logging.level.com.github.kagkarlsson.jdbc=ERROR",
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("riposte") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--riposte.server.blob-dir=" + dir.resolve("blobs"),
                "--riposte.secrets.data-dir=" + dir,
                "--riposte.security.admin-password=" + login.password(),
                "--riposte.security.admin-api-token=" + login.apiToken(),
                // Enrichment playbooks and bulk enrichment ask the in-process SES simulator.
                "--riposte.ses.url=" + sims.ses.baseUrl(),
                "--riposte.ses.client-id=" + sims.ses.clientId(),
                "--riposte.ses.client-secret=" + sims.ses.clientSecret(),
                // The sepm.* playbook functions ask the in-process SEPM simulator, over HTTPS with its certificate.
                "--riposte.sepm.name=demo-sepm",
                "--riposte.sepm.url=" + sims.sepm.baseUrl(),
                "--riposte.sepm.username=" + sims.sepm.username(),
                "--riposte.sepm.password=" + sims.sepm.password(),
                "--riposte.sepm.ca-cert=" + sims.sepmPem));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    int port() {
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    String url() {
        return url(server);
    }

    private static String url(ConfigurableApplicationContext server) {
        return "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            simulators.close();
        }
    }
}
